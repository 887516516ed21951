/**
 * 评委分配 from the phone, through the real judging function on SQLite and MySQL: the organizer lists a
 * round's judges with their loads and gives every entry of the round `perEntry` judges in one call.
 * The contest has judges 1–5 without a unit and judge-6 of unit A.
 */
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { Db } from '../../../cloudfunctions/shared/db/schema'
import type { EntryStatus } from '../../../src/core/contest'
import { testDatabases } from '../../support/databases'
import { P, TestClock, call, contestDeps, createContest, failure, insertAssignments, insertEntry, ok, rawCall, stageTime, tableCounts, type Contest } from '../../support/contest'

jest.setTimeout(120_000)

type UnitKey = keyof Contest['units']

/** Entries of the given units, speakers spk-1…, in `status`; returns their ids in creation order. */
async function entriesOf(db: Db, c: Contest, units: readonly UnitKey[], status: EntryStatus = 'recommended', from = 1): Promise<string[]> {
  const ids: string[] = []
  for (const [i, unit] of units.entries()) {
    const n = from + i
    ids.push(await insertEntry(db, c, { id: `ent_${c.campaignId}_${n}`, speaker: P.speaker(n), unit: c.units[unit], status, n }))
  }
  return ids
}

async function assignments(db: Db, c: Contest, roundId: string): Promise<Array<{ entry_id: string; judge_openid: string }>> {
  return db.selectFrom('judge_assignments').select(['entry_id', 'judge_openid']).where('campaign_id', '=', c.campaignId).where('round', '=', roundId).execute()
}

function judgesByEntry(rows: ReadonlyArray<{ entry_id: string; judge_openid: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.entry_id, [...(out.get(r.entry_id) ?? []), r.judge_openid])
  return out
}

function loads(rows: ReadonlyArray<{ judge_openid: string }>, judges: readonly string[]): number[] {
  return judges.map((j) => rows.filter((r) => r.judge_openid === j).length)
}

const ALL_JUDGES = [1, 2, 3, 4, 5, 6].map(P.judge)

describe.each(testDatabases())('judge assignment on $name', (database) => {
  let opened: OpenedDatabase
  beforeAll(async () => {
    opened = await database.open()
  })
  afterAll(() => opened.close())

  const semifinalContest = async () => {
    const c = await createContest(opened.db, { stage: 'semifinal' })
    return { c, deps: contestDeps(opened.db, new TestClock(stageTime('semifinal', c.base))) }
  }

  it('lists the campaign judges with title, unit and their assignments in the round', async () => {
    const { c, deps } = await semifinalContest()
    const [e1, e2] = await entriesOf(opened.db, c, ['a', 'b'])
    await entriesOf(opened.db, c, ['c'], 'submitted', 3)
    await insertAssignments(opened.db, c, 'semifinal', e1 ?? '', [P.judge(1), P.judge(2)])
    await insertAssignments(opened.db, c, 'semifinal', e2 ?? '', [P.judge(1), P.judge(6)])
    await insertAssignments(opened.db, c, 'final', e2 ?? '', [P.judge(3)])
    await opened.db.updateTable('members').set({ title: '教授' }).where('campaign_id', '=', c.campaignId).where('openid', '=', P.judge(2)).execute()

    const listed = await ok(call(deps, P.organizer, 'judging', 'judges', { campaignId: c.campaignId, roundId: 'semifinal' }))
    expect(listed.round).toMatchObject({ id: 'semifinal', stage: 'semifinal', open: true })
    expect(listed.entryCount).toBe(2) // the submitted entry of unit C is not in the semifinal
    expect(listed.judges.map((j) => j.openid)).toEqual(ALL_JUDGES)
    expect(listed.judges.map((j) => j.assigned)).toEqual([2, 1, 0, 0, 0, 1])
    expect(listed.judges[0]).toEqual({ openid: P.judge(1), name: '评委1', title: null, unit: null, assigned: 2 })
    expect(listed.judges[1]?.title).toBe('教授')
    expect(listed.judges[5]?.unit).toEqual({ id: c.units.a, name: '市发展改革委机关党委' })

    const final = await ok(call(deps, P.organizer, 'judging', 'judges', { campaignId: c.campaignId, roundId: 'final' }))
    expect(final.entryCount).toBe(0)
    expect(final.judges.map((j) => j.assigned)).toEqual([0, 0, 1, 0, 0, 0])

    const unknown = await failure(call(deps, P.organizer, 'judging', 'judges', { campaignId: c.campaignId, roundId: 'nope' }))
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', field: 'payload.roundId' })
  })

  it('gives every entry of the round exactly perEntry judges, none of its unit, loads within one of each other', async () => {
    const { c, deps } = await semifinalContest()
    const ids = await entriesOf(opened.db, c, ['a', 'a', 'b', 'b', 'b', 'c'])
    const [outside] = await entriesOf(opened.db, c, ['b'], 'submitted', 7)
    const audits = await opened.db.selectFrom('audit_log').select('id').where('campaign_id', '=', c.campaignId).execute()

    const result = await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 3 }))
    expect(result.entryCount).toBe(6)
    expect(result.added).toHaveLength(18)

    const rows = await assignments(opened.db, c, 'semifinal')
    const byEntry = judgesByEntry(rows)
    expect([...byEntry.keys()].sort()).toEqual([...ids].sort())
    expect(byEntry.has(outside ?? '')).toBe(false)
    for (const id of ids) expect(new Set(byEntry.get(id)).size).toBe(3)
    // Judge-6 belongs to unit A: never on unit A's entries (the first two).
    for (const id of ids.slice(0, 2)) expect(byEntry.get(id)).not.toContain(P.judge(6))
    const perJudge = loads(rows, ALL_JUDGES)
    expect(Math.max(...perJudge) - Math.min(...perJudge)).toBeLessThanOrEqual(1)
    expect(result.judges.map((j) => j.assigned)).toEqual(perJudge)

    // One audit row per entry, as `assign` writes them.
    const log = await opened.db.selectFrom('audit_log').selectAll().where('campaign_id', '=', c.campaignId).where('action', '=', 'judge.assign').execute()
    expect(log).toHaveLength(audits.length + 6)
    const first = log.find((l) => l.target_id === ids[0])
    expect(first?.actor_openid).toBe(P.organizer)
    expect(JSON.parse(first?.before ?? 'null')).toEqual({ roundId: 'semifinal', judges: [] })
    expect(JSON.parse(first?.after ?? 'null')).toEqual({ roundId: 'semifinal', judges: byEntry.get(ids[0] ?? '') })
  })

  it('balances loads exactly when no judge is excluded', async () => {
    const { c, deps } = await semifinalContest()
    await entriesOf(opened.db, c, ['b', 'c', 'b', 'c', 'b', 'c', 'b'])
    await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 3 }))
    // 21 places over 6 judges: three judges hold 4, three hold 3; ties go by openid.
    expect(loads(await assignments(opened.db, c, 'semifinal'), ALL_JUDGES)).toEqual([4, 4, 4, 3, 3, 3])
  })

  it('keeps existing assignments, tops up to perEntry, and adds nothing when run again', async () => {
    const { c, deps } = await semifinalContest()
    const [e1, e2, e3] = await entriesOf(opened.db, c, ['b', 'b', 'c'])
    await insertAssignments(opened.db, c, 'semifinal', e1 ?? '', [P.judge(1), P.judge(2)])
    await insertAssignments(opened.db, c, 'semifinal', e2 ?? '', [P.judge(1), P.judge(2), P.judge(3), P.judge(4)])

    const first = await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 3 }))
    const byEntry = judgesByEntry(await assignments(opened.db, c, 'semifinal'))
    expect(byEntry.get(e1 ?? '')).toEqual(expect.arrayContaining([P.judge(1), P.judge(2)]))
    expect(byEntry.get(e1 ?? '')).toHaveLength(3)
    // An entry already past perEntry keeps all four of its judges.
    expect(byEntry.get(e2 ?? '')).toHaveLength(4)
    expect(byEntry.get(e3 ?? '')).toHaveLength(3)
    expect(first.added.filter((a) => a.entryId === e2)).toEqual([])
    expect(first.added).toHaveLength(4)
    // Least loaded first: judges 1–4 already hold entries, so judge-5 and judge-6 come first.
    expect(first.added.filter((a) => a.entryId === e1).map((a) => a.judgeOpenid)).toEqual([P.judge(5)])

    const before = await tableCounts(opened.db)
    const again = await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 3 }))
    expect(again.added).toEqual([])
    expect(again.entryCount).toBe(3)
    expect(await tableCounts(opened.db)).toEqual(before)
  })

  it('refuses with CONFLICT on payload.perEntry and writes nothing when an entry has too few eligible judges', async () => {
    const { c, deps } = await semifinalContest()
    // Unit B's entry could have all six judges; unit A's only five.
    await entriesOf(opened.db, c, ['b', 'a'])
    const before = await tableCounts(opened.db)
    const refused = await failure(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 6 }))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.field).toBe('payload.perEntry')
    expect(refused.message).toMatch(/评委人数不足/)
    expect(await tableCounts(opened.db)).toEqual(before)

    const fits = await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 5 }))
    expect(fits.added).toHaveLength(10)
  })

  it('assigns final-round judges to finalists only, and refuses a round whose stage is over', async () => {
    const c = await createContest(opened.db, { stage: 'final' })
    const deps = contestDeps(opened.db, new TestClock(stageTime('final', c.base)))
    const [finalist] = await entriesOf(opened.db, c, ['b'], 'finalist')
    const [recommended] = await entriesOf(opened.db, c, ['c'], 'recommended', 2)
    const done = await ok(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'final', perEntry: 2 }))
    expect(done.entryCount).toBe(1)
    expect(new Set(done.added.map((a) => a.entryId))).toEqual(new Set([finalist]))
    expect(done.added.some((a) => a.entryId === recommended)).toBe(false)

    const closed = await failure(call(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 2 }))
    expect(closed.code).toBe('STAGE_CLOSED')
  })

  it('checks perEntry and refuses everyone but the organizer', async () => {
    const { c, deps } = await semifinalContest()
    await entriesOf(opened.db, c, ['b'])
    for (const perEntry of [0, 31, 2.5]) {
      const bad = await failure(rawCall(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry }))
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.perEntry' })
    }
    const missing = await failure(rawCall(deps, P.organizer, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal' }))
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.perEntry' })

    const before = await tableCounts(opened.db)
    for (const who of [P.judge(1), P.secB, P.speaker(1), P.audience(1)]) {
      expect((await failure(call(deps, who, 'judging', 'autoAssign', { campaignId: c.campaignId, roundId: 'semifinal', perEntry: 2 }))).code).toBe('FORBIDDEN')
      expect((await failure(call(deps, who, 'judging', 'judges', { campaignId: c.campaignId, roundId: 'semifinal' }))).code).toBe('FORBIDDEN')
    }
    expect((await failure(call(deps, null, 'judging', 'judges', { campaignId: c.campaignId, roundId: 'semifinal' }))).code).toBe('UNAUTHENTICATED')
    expect(await tableCounts(opened.db)).toEqual(before)
  })
})
