/**
 * Audience votes under concurrency, through the real `vote` function on SQLite and MySQL: 200 calls at
 * once, many of them duplicates and some voters asking for more than the daily cap. The database's two
 * unique keys must leave exactly one vote per distinct (voter, entry, day) up to the cap per voter-day.
 */
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { shanghaiDayKey } from '../../../src/core/contest'
import { testDatabases } from '../../support/databases'
import { DAY, P, TestClock, call, contestDeps, createContest, failure, insertEntry, ok, stageTime, type Contest } from '../../support/contest'
import { seededRandom } from '../../support/random'

jest.setTimeout(120_000)


describe.each(testDatabases())('votes on $name', (database) => {
  let opened: OpenedDatabase
  let c: Contest
  const entryIds: string[] = []

  beforeAll(async () => {
    opened = await database.open()
    c = await createContest(opened.db, { stage: 'final' })
    const units = [c.units.a, c.units.b, c.units.c]
    for (let i = 0; i < 10; i++) {
      entryIds.push(await insertEntry(opened.db, c, { id: `ent_${c.campaignId}_${i}`, speaker: P.speaker(i + 1), unit: units[i % 3] ?? c.units.a, status: 'finalist', track: i < 6 ? 0 : 1, n: i + 1 }))
    }
  })
  afterAll(() => opened.close())

  it('counts exactly under 200 parallel calls with duplicates: one per (voter, entry, day), at most the cap a day', async () => {
    const day1 = new TestClock(stageTime('final'))
    const day2 = new TestClock(stageTime('final') + DAY)
    const deps = [contestDeps(opened.db, day1), contestDeps(opened.db, day2)] as const
    const rand = seededRandom(20260302)
    const pick = (n: number) => Math.floor(rand() * n)

    // 30 voters: the first ten ask for up to 7 entries a day (over the cap of 3), the rest for 1–3.
    const calls: Array<{ voter: string; entry: string; day: 0 | 1 }> = []
    while (calls.length < 200) {
      const v = pick(30)
      const day = (pick(2) as 0 | 1)
      const span = v < 10 ? 7 : 3
      const offset = (v * 3 + day) % 10
      calls.push({ voter: `voter-${v}`, entry: entryIds[(offset + pick(span)) % 10] ?? '', day })
    }
    const results = await Promise.all(calls.map((k) => call(deps[k.day], k.voter, 'vote', 'cast', { entryId: k.entry })))

    const cap = 3
    const asked = new Map<string, Set<string>>()
    for (const k of calls) {
      const key = `${k.voter}|${shanghaiDayKey(deps[k.day].clock.now())}`
      asked.set(key, (asked.get(key) ?? new Set()).add(k.entry))
    }
    const expectedTotal = [...asked.values()].reduce((s, wanted) => s + Math.min(wanted.size, cap), 0)
    const distinctTriples = [...asked.values()].reduce((s, wanted) => s + wanted.size, 0)
    // the draw must exercise both the duplicate key and the cap
    expect(distinctTriples).toBeLessThan(calls.length)
    expect(expectedTotal).toBeLessThan(distinctTriples)

    const rows = await opened.db.selectFrom('votes').select(['voter_openid', 'entry_id', 'day', 'slot']).where('campaign_id', '=', c.campaignId).execute()
    expect(rows).toHaveLength(expectedTotal)
    expect(results.filter((r) => r.ok)).toHaveLength(expectedTotal)
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.code]))
    expect(new Set(refusals)).toEqual(new Set(['VOTE_LIMIT']))

    const got = new Map<string, Set<string>>()
    for (const r of rows) {
      const key = `${r.voter_openid}|${r.day}`
      const mine = got.get(key) ?? new Set<string>()
      expect(mine.has(r.entry_id)).toBe(false)
      got.set(key, mine.add(r.entry_id))
    }
    for (const [key, wanted] of asked) {
      const mine = got.get(key) ?? new Set<string>()
      // under the cap: exactly the distinct triples asked for; over it: the cap, all of them asked for
      expect([key, mine.size]).toEqual([key, Math.min(wanted.size, cap)])
      for (const e of mine) expect(wanted.has(e)).toBe(true)
    }
    // each voter-day's slots are 1…n without a gap or a repeat
    for (const key of got.keys()) {
      const slots = rows.filter((r) => `${r.voter_openid}|${r.day}` === key).map((r) => r.slot).sort()
      expect(slots).toEqual(Array.from({ length: slots.length }, (_, i) => i + 1))
    }

    // the leaderboard shows the database's exact counts, per track
    const board = await ok(call(deps[1], null, 'vote', 'leaderboard', { campaignId: c.campaignId }))
    expect(board.map((t) => t.trackId)).toEqual(c.tracks)
    const shown = new Map(board.flatMap((t) => t.rows.map((r) => [r.entryId, r.votes] as const)))
    for (const e of entryIds) expect([e, shown.get(e)]).toEqual([e, rows.filter((r) => r.entry_id === e).length])
    for (const t of board) {
      const counts = t.rows.map((r) => r.votes)
      expect(counts).toEqual([...counts].sort((a, b) => b - a))
    }
  })

  it('tells a voter what is left today and refuses past the cap', async () => {
    const deps = contestDeps(opened.db, new TestClock(stageTime('final') + 2 * DAY))
    const voter = P.audience(2)
    for (const e of entryIds.slice(0, 3)) await ok(call(deps, voter, 'vote', 'cast', { entryId: e }))
    expect(await failure(call(deps, voter, 'vote', 'cast', { entryId: entryIds[0] ?? '' }))).toMatchObject({ code: 'VOTE_LIMIT' })
    expect(await failure(call(deps, voter, 'vote', 'cast', { entryId: entryIds[5] ?? '' }))).toMatchObject({ code: 'VOTE_LIMIT' })
    const mine = await ok(call(deps, voter, 'vote', 'mine', { campaignId: c.campaignId }))
    expect(mine).toMatchObject({ dailyCap: 3, remaining: 0, open: true, entryIds: entryIds.slice(0, 3) })
    // judges and organizers do not vote
    expect(await failure(call(deps, P.judge(1), 'vote', 'cast', { entryId: entryIds[0] ?? '' }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
