import { sql } from 'kysely'
import { isUniqueViolation } from '../../../cloudfunctions/shared/db/errors'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { NewVote } from '../../../cloudfunctions/shared/db/schema'
import { testDatabases } from '../../support/databases'

const vote = (over: Partial<NewVote>): NewVote => ({
  campaign_id: 'c1',
  entry_id: 'e1',
  voter_openid: 'demo-audience-1',
  day: '2026-03-05',
  slot: 1,
  created_at: 1_772_668_800_000,
  ...over
})

/** The rejection reason, for asserting on driver errors (they come from another realm than jest's Error). */
const failure = async (work: Promise<unknown>): Promise<unknown> => {
  try {
    await work
  } catch (error) {
    return error
  }
  throw new Error('expected the statement to fail')
}

describe.each(testDatabases())('vote keys on $name', ({ open }) => {
  let opened: OpenedDatabase

  beforeEach(async () => {
    opened = await open()
  })
  afterEach(async () => {
    await opened.close()
  })

  const insert = (v: NewVote): Promise<unknown> => opened.db.insertInto('votes').values(v).execute()
  const count = async (): Promise<number> =>
    (await opened.db.selectFrom('votes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

  it('rejects a second vote for the same entry by the same voter on the same day', async () => {
    await insert(vote({}))
    expect(isUniqueViolation(await failure(insert(vote({ slot: 2 }))))).toBe(true)
    expect(await count()).toBe(1)
  })

  it('rejects a second vote in the same daily slot, whatever the entry', async () => {
    await insert(vote({}))
    expect(isUniqueViolation(await failure(insert(vote({ entry_id: 'e2' }))))).toBe(true)
    expect(await count()).toBe(1)
  })

  it('accepts other slots, other days, other voters and other campaigns', async () => {
    await insert(vote({}))
    await insert(vote({ entry_id: 'e2', slot: 2 }))
    await insert(vote({ day: '2026-03-06' }))
    await insert(vote({ voter_openid: 'demo-audience-2' }))
    await insert(vote({ campaign_id: 'c2', entry_id: 'e9' }))
    expect(await count()).toBe(5)
    // an error that is not about a key is not mistaken for one
    expect(isUniqueViolation(await failure(sql`select no_such_column from votes`.execute(opened.db)))).toBe(false)
  })

  it('lets exactly one of several concurrent votes take the same slot', async () => {
    const attempts = ['e1', 'e2', 'e3', 'e4', 'e5'].map((entry_id) => insert(vote({ entry_id })))
    const outcomes = await Promise.allSettled(attempts)
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    for (const o of outcomes) if (o.status === 'rejected') expect(isUniqueViolation(o.reason)).toBe(true)
    expect(await count()).toBe(1)
  })

  it('rejects a judge scoring the same criterion of the same entry twice in a round', async () => {
    const score = {
      campaign_id: 'c1',
      round: 'semifinal',
      entry_id: 'e1',
      judge_openid: 'demo-judge-1',
      criterion: 'content',
      points: 35,
      created_at: 1,
      updated_at: 1
    }
    await opened.db.insertInto('scores').values(score).execute()
    expect(isUniqueViolation(await failure(opened.db.insertInto('scores').values({ ...score, points: 38 }).execute()))).toBe(true)
    // the same criterion in another round is a new score
    await opened.db.insertInto('scores').values({ ...score, round: 'final' }).execute()
    const rows = await opened.db.selectFrom('scores').select(['round', 'points']).orderBy('round').execute()
    expect(rows).toEqual([
      { round: 'final', points: 35 },
      { round: 'semifinal', points: 35 }
    ])
  })
})
