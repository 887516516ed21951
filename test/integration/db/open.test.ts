import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { migrateToLatest } from '../../../cloudfunctions/shared/db/migrations'
import {
  DatabaseConnectionError,
  DatabaseFileError,
  openDatabase,
  type OpenDatabaseOptions
} from '../../../cloudfunctions/shared/db/open'
import { seedDemo } from '../../../cloudfunctions/shared/db/seed'
import { scratchMysql, scratchSqlite, type Scratch } from '../../support/databases'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xj-open-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the SQLite file', () => {
  it('is created, with its missing data folder, on first open', async () => {
    const dataDir = join(dir, 'nested', '.data')
    const opened = await openDatabase({ dataDir })
    try {
      expect(opened.dialect).toBe('sqlite')
      expect(opened.location).toBe(join(dataDir, 'xuanjiang.db'))
      expect(existsSync(opened.location)).toBe(true)
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(opened.db)
      expect(mode.rows[0]?.journal_mode).toBe('wal')
    } finally {
      await opened.close()
    }
  })

  it('is taken from a `sqlite:` url or a plain path before the data folder', async () => {
    const file = join(dir, 'elsewhere', 'custom.db')
    for (const url of [`sqlite:${file}`, file]) {
      const opened = await openDatabase({ url, dataDir: join(dir, 'unused') })
      await opened.close()
      expect(opened.location).toBe(file)
    }
    expect(existsSync(join(dir, 'unused'))).toBe(false)
  })

  it('keeps committed data across close and reopen, leaving no WAL behind', async () => {
    const first = await openDatabase({ dataDir: dir })
    await migrateToLatest(first.db)
    await first.db.insertInto('users').values({ openid: 'demo-speaker-01', nickname: '陈思远', created_at: 1, updated_at: 1 }).execute()
    await first.close()
    await first.close() // a second close is harmless
    expect(existsSync(join(dir, 'xuanjiang.db-wal'))).toBe(false)

    const second = await openDatabase({ dataDir: dir })
    try {
      await migrateToLatest(second.db)
      const users = await second.db.selectFrom('users').select(['openid', 'nickname']).execute()
      expect(users).toEqual([{ openid: 'demo-speaker-01', nickname: '陈思远' }])
    } finally {
      await second.close()
    }
  })

  it.each([
    ['random bytes', () => randomBytes(64 * 1024)],
    // a real header followed by garbage gets past the magic-string check and must still be refused
    ['a SQLite header over garbage', () => Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), randomBytes(8192)])],
    ['a short text file', () => Buffer.from('not a database\n')]
  ])('refuses %s, names the file and leaves it untouched', async (_label, bytes) => {
    const file = join(dir, 'xuanjiang.db')
    const content = bytes()
    writeFileSync(file, content)

    const opening = openDatabase({ dataDir: dir })
    await expect(opening).rejects.toBeInstanceOf(DatabaseFileError)
    await expect(opening).rejects.toMatchObject({
      filePath: file,
      message: expect.stringContaining(`数据库文件损坏或不是 SQLite 数据库：${file}`)
    })
    await expect(opening).rejects.toThrow(/file is not a database|corrupt/)
    expect(readFileSync(file).equals(content)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a database whose inner pages are damaged, and leaves it untouched', async () => {
    const good = await openDatabase({ dataDir: dir })
    await migrateToLatest(good.db)
    await seedDemo(good.db, { now: Date.UTC(2026, 2, 5) })
    await good.close()
    const file = join(dir, 'xuanjiang.db')
    const pages = Math.floor(statSync(file).size / 4096)
    expect(pages).toBeGreaterThan(8)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, Math.floor(pages / 2) * 4096)
    closeSync(fd)
    const damaged = readFileSync(file)

    const opening = openDatabase({ dataDir: dir })
    await expect(opening).rejects.toBeInstanceOf(DatabaseFileError)
    await expect(opening).rejects.toThrow(`数据库文件损坏或不是 SQLite 数据库：${file}`)
    expect(readFileSync(file).equals(damaged)).toBe(true)
  })

  it('opens an empty file as a new database', async () => {
    writeFileSync(join(dir, 'xuanjiang.db'), '')
    const opened = await openDatabase({ dataDir: dir })
    try {
      await migrateToLatest(opened.db)
      expect((await opened.db.introspection.getTables()).length).toBeGreaterThan(0)
    } finally {
      await opened.close()
    }
  })

  it('refuses a url scheme it does not speak', async () => {
    await expect(openDatabase({ url: 'postgres://u:pw@127.0.0.1/x' })).rejects.toThrow('不支持的数据库地址')
  })
})

describe('a MySQL server', () => {
  it('that cannot be reached is named in the error, without its password', async () => {
    // port 1 on loopback: refused at once
    const opening = openDatabase({ url: 'mysql://root:s3cret@127.0.0.1:1/xj' })
    await expect(opening).rejects.toBeInstanceOf(DatabaseConnectionError)
    await expect(opening).rejects.toThrow('无法连接 MySQL 数据库：mysql://root:***@127.0.0.1:1/xj')
    await expect(opening).rejects.not.toThrow('s3cret')
  })
})

const reopenTargets: Array<[string, () => Promise<Scratch>]> = [['sqlite', scratchSqlite]]
const mysqlUrl = process.env.TEST_MYSQL_URL
if (mysqlUrl !== undefined && mysqlUrl !== '') reopenTargets.push(['mysql', () => scratchMysql(mysqlUrl)])

describe.each(reopenTargets)('reopening %s', (_name, makeScratch) => {
  it('finds what was committed before close, and not what was rolled back', async () => {
    const scratch = await makeScratch()
    const options: OpenDatabaseOptions = scratch.options
    try {
      const first = await openDatabase(options)
      try {
        await migrateToLatest(first.db)
        await first.db.insertInto('users').values({ openid: 'kept', nickname: '保留', created_at: 1, updated_at: 1 }).execute()
        await expect(
          first.db.transaction().execute(async (trx) => {
            await trx.insertInto('users').values({ openid: 'lost', nickname: '回滚', created_at: 2, updated_at: 2 }).execute()
            throw new Error('abandon')
          })
        ).rejects.toThrow('abandon')
      } finally {
        await first.close()
      }

      const second = await openDatabase(options)
      try {
        const users = await second.db.selectFrom('users').select('openid').execute()
        expect(users).toEqual([{ openid: 'kept' }])
      } finally {
        await second.close()
      }
    } finally {
      await scratch.discard()
    }
  })
})
