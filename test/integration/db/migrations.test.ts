import { sql } from 'kysely'
import { isUniqueViolation } from '../../../cloudfunctions/shared/db/errors'
import { migrateToLatest, migrations, MigrationError } from '../../../cloudfunctions/shared/db/migrations'
import { TABLES_001 } from '../../../cloudfunctions/shared/db/migrations/001_foundation'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { testDatabases } from '../../support/databases'

describe.each(testDatabases())('migrations on $name', ({ name, open }) => {
  let opened: OpenedDatabase

  beforeEach(async () => {
    opened = await open()
  })
  afterEach(async () => {
    await opened.close()
  })

  it('reports the dialect it was opened with', () => {
    expect(opened.dialect).toBe(name)
  })

  it('creates every table of the contest schema', async () => {
    const tables = (await opened.db.introspection.getTables()).map((t) => t.name).sort()
    expect(tables).toEqual([...TABLES_001].sort())
  })

  it('records each migration once and is a no-op when run again', async () => {
    await migrateToLatest(opened.db)
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(opened.db)
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort())
  })

  it('keeps JSON text over 64 KB with 4-byte characters intact', async () => {
    const big = JSON.stringify({ note: '微宣讲🎤'.repeat(20_000) })
    expect(Buffer.byteLength(big)).toBeGreaterThan(200_000)
    await opened.db
      .insertInto('results')
      .values({ campaign_id: 'c1', version: 1, published_at: 1, published_by: 'demo-organizer', snapshot: big })
      .execute()
    const row = await opened.db.selectFrom('results').select('snapshot').executeTakeFirstOrThrow()
    expect(row.snapshot).toBe(big)
  })

  it('returns millisecond timestamps, counts and doubles as JS numbers', async () => {
    const at = 1_767_225_600_123 // 2026-01-01T00:00:00.123Z
    await opened.db
      .insertInto('scores')
      .values([
        { campaign_id: 'c1', round: 'semifinal', entry_id: 'e1', judge_openid: 'j1', criterion: 'content', points: 37.5, created_at: at, updated_at: at },
        { campaign_id: 'c1', round: 'semifinal', entry_id: 'e1', judge_openid: 'j2', criterion: 'content', points: 36.25, created_at: at, updated_at: at }
      ])
      .execute()
    const row = await opened.db.selectFrom('scores').select(['points', 'created_at']).where('judge_openid', '=', 'j1').executeTakeFirstOrThrow()
    expect(row).toEqual({ points: 37.5, created_at: at })

    const totals = await opened.db
      .selectFrom('scores')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('total')])
      .executeTakeFirstOrThrow()
    expect(totals).toEqual({ n: 2, total: 73.75 })
  })

  it('compares strings byte-wise, so openids differing in case are different people', async () => {
    await opened.db
      .insertInto('users')
      .values([
        { openid: 'oAbC', nickname: '甲', created_at: 1, updated_at: 1 },
        { openid: 'oabc', nickname: '乙', created_at: 1, updated_at: 1 }
      ])
      .execute()
    const found = await opened.db.selectFrom('users').select('nickname').where('openid', '=', 'oabc').execute()
    expect(found).toEqual([{ nickname: '乙' }])
  })

  it('rejects a second membership with the same campaign, openid and role', async () => {
    const member = {
      campaign_id: 'c1',
      openid: 'demo-judge-1',
      role: 'judge' as const,
      name: '周明华',
      created_at: 1
    }
    await opened.db.insertInto('members').values({ id: 'm1', ...member }).execute()
    const duplicate = await opened.db
      .insertInto('members')
      .values({ id: 'm2', ...member })
      .execute()
      .then(() => null, (error: unknown) => error)
    expect(isUniqueViolation(duplicate)).toBe(true)
    // the same person may hold another role in the campaign
    await opened.db.insertInto('members').values({ id: 'm3', ...member, role: 'audience' }).execute()
    const count = await opened.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(count.n).toBe(2)
  })
})

describe.each(testDatabases())('a failing migration on $name', ({ open }) => {
  it('throws MigrationError naming the migration', async () => {
    const opened = await open({ migrate: false })
    try {
      // a table already in the way makes 001 fail on its first statement
      await opened.db.schema.createTable('users').addColumn('x', 'integer').execute()
      const failure = migrateToLatest(opened.db)
      await expect(failure).rejects.toBeInstanceOf(MigrationError)
      await expect(failure).rejects.toMatchObject({
        migration: '001_foundation',
        message: expect.stringContaining('数据库迁移 001_foundation 失败')
      })
    } finally {
      await opened.close()
    }
  })
})
