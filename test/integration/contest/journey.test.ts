/**
 * The contest end to end through the real functions, on SQLite and MySQL: register → endorse → script →
 * video verdict → submit → recommend (over quota) → judges → scores with 4 and 5 judges → finalists →
 * final → publish → a corrected score leaves the published snapshot alone until it is republished.
 */
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { Deps } from '../../../cloudfunctions/shared/ports'
import { testDatabases } from '../../support/databases'
import {
  CONTEST_RULES,
  DAY,
  HOUR,
  P,
  TestClock,
  call,
  contestDeps,
  createContest,
  deadlinesFrom,
  failure,
  ok,
  pointsFor,
  recordVideoVerdict,
  script,
  storeFile,
  validForm,
  type Contest
} from '../../support/contest'

jest.setTimeout(120_000)

describe.each(testDatabases())('contest journey on $name', (database) => {
  let opened: OpenedDatabase
  let c: Contest
  let clock: TestClock
  let deps: Deps
  const entries: Record<string, string> = {}

  beforeAll(async () => {
    opened = await database.open()
    c = await createContest(opened.db)
    clock = new TestClock(c.base)
    deps = contestDeps(opened.db, clock)
  })
  afterAll(() => opened.close())

  const speakers = [
    { who: P.speaker(1), unit: () => c.units.a },
    { who: P.speaker(2), unit: () => c.units.a },
    { who: P.speaker(3), unit: () => c.units.a },
    { who: P.speaker(4), unit: () => c.units.b }
  ]
  const id = (n: number): string => {
    const e = entries[P.speaker(n)]
    if (e === undefined) throw new Error(`speaker ${n} has no entry yet`)
    return e
  }

  it('lets the organizer set the rules: 2 finalists, one 一等奖 and one 二等奖', async () => {
    const rules = await ok(
      call(deps, P.organizer, 'campaign', 'configure', {
        campaignId: c.campaignId,
        rules: { ...CONTEST_RULES, finalists: { count: 2 }, awards: { tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 1 }] } }
      })
    )
    expect(rules.finalists.count).toBe(2)
    expect(rules.script).toEqual({ maxChars: 2200, maxMinutes: 10, charsPerMinute: 220 })
    const publicRules = await ok(call(deps, null, 'campaign', 'rules', { campaignId: c.campaignId }))
    expect(publicRules.awards.tiers.map((t) => t.name)).toEqual(['一等奖', '二等奖'])
  })

  it('registers four speakers and sends their forms to the secretaries', async () => {
    for (const [i, s] of speakers.entries()) {
      const draft = await ok(call(deps, s.who, 'entry', 'register', { campaignId: c.campaignId, unitId: s.unit(), form: i === 2 ? { name: '王建军' } : validForm(c, i + 1) }))
      expect(draft.status).toBe('draft')
      entries[s.who] = draft.id
    }
    // an incomplete form cannot go to the secretary; the field is named
    const incomplete = await failure(call(deps, P.speaker(3), 'entry', 'submitForm', { entryId: id(3) }))
    expect(incomplete).toMatchObject({ code: 'BAD_REQUEST', field: 'form.gender' })
    await ok(call(deps, P.speaker(3), 'entry', 'updateForm', { entryId: id(3), form: validForm(c, 3) }))
    // one active entry per speaker
    expect(await failure(call(deps, P.speaker(1), 'entry', 'register', { campaignId: c.campaignId, unitId: c.units.a, form: {} }))).toMatchObject({ code: 'CONFLICT' })

    for (const n of [1, 2, 3, 4]) {
      expect((await ok(call(deps, P.speaker(n), 'entry', 'submitForm', { entryId: id(n) }))).status).toBe('pending')
    }
    const unit = await ok(call(deps, P.secA, 'entry', 'listUnit', { campaignId: c.campaignId, unitId: c.units.a }))
    expect(unit.entries.map((e) => e.id).sort()).toEqual([id(1), id(2), id(3)].sort())
    expect(unit.entries.every((e) => e.status === 'pending')).toBe(true)
  })

  it('has the secretary endorse two forms and return one with a reason, which comes back fixed', async () => {
    await ok(call(deps, P.secA, 'entry', 'endorse', { entryId: id(1) }))
    await ok(call(deps, P.secA, 'entry', 'endorse', { entryId: id(2) }))
    const returned = await ok(call(deps, P.secA, 'entry', 'return', { entryId: id(3), reason: '工作单位及职务填写不完整' }))
    expect(returned.status).toBe('returned')
    expect(returned.endorsement).toMatchObject({ decision: 'returned', by: P.secA, reason: '工作单位及职务填写不完整' })
    await ok(call(deps, P.speaker(3), 'entry', 'updateForm', { entryId: id(3), form: { workplace: '市发展改革委价格管理处 副处长' } }))
    await ok(call(deps, P.speaker(3), 'entry', 'submitForm', { entryId: id(3) }))
    expect((await ok(call(deps, P.secA, 'entry', 'endorse', { entryId: id(3) }))).endorsement).toMatchObject({ decision: 'endorsed', by: P.secA })
    await ok(call(deps, P.secB, 'entry', 'endorse', { entryId: id(4) }))
    // the form is frozen once endorsed
    expect(await failure(call(deps, P.speaker(1), 'entry', 'updateForm', { entryId: id(1), form: { title: '改个题目' } }))).toMatchObject({ code: 'CONFLICT' })
  })

  it('saves scripts within the limits and refuses one over them or with a listed word', async () => {
    const tooLong = await failure(call(deps, P.speaker(1), 'entry', 'saveScript', { entryId: id(1), text: '讲'.repeat(2201) }))
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.text' })
    expect(tooLong.message).toContain('2200')
    const listed = await failure(call(deps, P.speaker(1), 'entry', 'saveScript', { entryId: id(1), text: `${script(3)}违 禁 词 甲` }))
    expect(listed).toMatchObject({ code: 'CONTENT_REJECTED' })
    for (const n of [1, 2, 3, 4]) {
      const saved = await ok(call(deps, P.speaker(n), 'entry', 'saveScript', { entryId: id(n), text: script() }))
      expect(saved).toMatchObject({ status: 'pass', chars: 440, seconds: 120 })
    }
  })

  it('submits only once the media function has recorded an ok verdict for the attached video', async () => {
    // someone else's upload cannot be attached
    const foreign = await storeFile(opened.db, P.speaker(4), `fil_${c.campaignId}_foreign`, clock.now())
    expect(await failure(call(deps, P.speaker(1), 'entry', 'attachVideo', { entryId: id(1), fileId: foreign }))).toMatchObject({ code: 'NOT_FOUND', field: 'payload.fileId' })
    for (const n of [1, 2, 3, 4]) {
      const fileId = await storeFile(opened.db, P.speaker(n), `fil_${c.campaignId}_${n}`, clock.now())
      const attached = await ok(call(deps, P.speaker(n), 'entry', 'attachVideo', { entryId: id(n), fileId }))
      expect(attached.video).toEqual({ fileId, verified: null, problems: [] })
      if (n === 1) {
        expect(await failure(call(deps, P.speaker(1), 'entry', 'submit', { entryId: id(1) }))).toMatchObject({ code: 'VIDEO_REJECTED' })
        await recordVideoVerdict(opened.db, id(1), fileId, false)
        expect(await failure(call(deps, P.speaker(1), 'entry', 'submit', { entryId: id(1) }))).toMatchObject({ code: 'VIDEO_REJECTED' })
      }
      await recordVideoVerdict(opened.db, id(n), fileId, true)
      clock.t += HOUR
      const submitted = await ok(call(deps, P.speaker(n), 'entry', 'submit', { entryId: id(n) }))
      expect(submitted).toMatchObject({ status: 'submitted', submittedAt: clock.now() })
    }
    // materials are frozen once submitted
    const later = await storeFile(opened.db, P.speaker(1), `fil_${c.campaignId}_later`, clock.now())
    expect(await failure(call(deps, P.speaker(1), 'entry', 'attachVideo', { entryId: id(1), fileId: later }))).toMatchObject({ code: 'CONFLICT' })
  })

  it('moves to the preliminary only after the registration deadline', async () => {
    expect(await failure(call(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'preliminary' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'payload.to'
    })
    clock.t = deadlinesFrom(c.base).registration + HOUR
    const moved = await ok(call(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'preliminary' }))
    expect(moved.stage).toBe('preliminary')
  })

  it('lets a secretary recommend up to the quota and answers QUOTA_EXCEEDED beyond it', async () => {
    expect((await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: id(1) }))).progress).toEqual({ quota: 2, recommended: 1, belowMinimum: false })
    await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: id(2) }))
    const over = await failure(call(deps, P.secA, 'entry', 'recommend', { entryId: id(3) }))
    expect(over.code).toBe('QUOTA_EXCEEDED')
    // taking one back frees the place; giving it back to the first choice fills it again
    await ok(call(deps, P.secA, 'entry', 'unrecommend', { entryId: id(2) }))
    await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: id(2) }))
    expect((await failure(call(deps, P.secA, 'entry', 'recommend', { entryId: id(3) }))).code).toBe('QUOTA_EXCEEDED')
    await ok(call(deps, P.secB, 'entry', 'recommend', { entryId: id(4) }))
    const statuses = await opened.db.selectFrom('entries').select(['id', 'status']).where('campaign_id', '=', c.campaignId).execute()
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [id(1)]: 'recommended', [id(2)]: 'recommended', [id(3)]: 'submitted', [id(4)]: 'recommended' })
  })

  it('assigns semifinal judges, never one from the speaker’s unit', async () => {
    clock.t = deadlinesFrom(c.base).preliminary + HOUR
    await ok(call(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'semifinal' }))
    const conflicted = await failure(call(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'semifinal', entryIds: [id(4), id(1)], judgeOpenids: [P.judge(1), P.judge(6)] }))
    expect(conflicted).toMatchObject({ code: 'CONFLICT', field: 'payload.judgeOpenids[1]' })
    expect(await opened.db.selectFrom('judge_assignments').select('entry_id').where('campaign_id', '=', c.campaignId).execute()).toEqual([])
    const judges = [1, 2, 3, 4, 5].map(P.judge)
    const assigned = await ok(call(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'semifinal', entryIds: [id(1), id(2), id(4)], judgeOpenids: judges }))
    expect(assigned.added).toHaveLength(15)
    // judge-6 may judge unit B's entry
    await ok(call(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'semifinal', entryIds: [id(4)], judgeOpenids: [P.judge(6)] }))
    const mine = await ok(call(deps, P.judge(1), 'judging', 'myAssignments', { campaignId: c.campaignId }))
    expect(mine.map((a) => a.entry.entry.id).sort()).toEqual([id(1), id(2), id(4)].sort())
    expect(mine.every((a) => a.entry.visibility === 'withoutPhone' && a.round.open)).toBe(true)
  })

  it('scores: trimmed mean with 5 judges, plain mean with 4, a judge who has not scored blocks nothing', async () => {
    const sheets: Array<[number, number, number]> = [
      // [speaker, judge, total]
      [1, 1, 90], [1, 2, 85], [1, 3, 80], [1, 4, 75], [1, 5, 60],
      [2, 1, 88], [2, 2, 82], [2, 3, 79.5], [2, 4, 70],
      [4, 1, 95], [4, 2, 95], [4, 3, 90], [4, 4, 85], [4, 5, 70]
    ]
    for (const [s, j, total] of sheets) {
      await ok(call(deps, P.judge(j), 'judging', 'submitScore', { roundId: 'semifinal', entryId: id(s), points: pointsFor(total) }))
    }
    expect(await failure(call(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: id(1), points: pointsFor(50) }))).toMatchObject({ code: 'CONFLICT' })
    const round = await ok(call(deps, P.organizer, 'judging', 'roundScores', { campaignId: c.campaignId, roundId: 'semifinal' }))
    const of = (n: number) => round.entries.find((e) => e.entryId === id(n))
    // 90 85 80 75 60 → drop 90 and 60 → 80.00
    expect(of(1)).toMatchObject({ score: 8000, judgeCount: 5, trimmed: true })
    // 88 82 79.5 70 → 319.5 / 4 = 79.875 → 79.88 (half up); judge-5 was assigned but has not scored
    expect(of(2)).toMatchObject({ score: 7988, judgeCount: 4, trimmed: false })
    expect(of(2)?.assignedJudges).toHaveLength(5)
    // 95 95 90 85 70 → drop one 95 and 70 → 90.00; judge-6 has not scored
    expect(of(4)).toMatchObject({ score: 9000, judgeCount: 5, trimmed: true })
  })

  it('lets a judge revise while the round is open, audited with before and after', async () => {
    const revised = await ok(call(deps, P.judge(2), 'judging', 'reviseScore', { roundId: 'semifinal', entryId: id(1), points: pointsFor(86) }))
    expect(revised.sheet.total).toBe(8600)
    const round = await ok(call(deps, P.organizer, 'judging', 'roundScores', { campaignId: c.campaignId, roundId: 'semifinal' }))
    // 86 80 75 → 80.33
    expect(round.entries.find((e) => e.entryId === id(1))?.score).toBe(8033)
    const log = await ok(call(deps, P.organizer, 'campaign', 'auditLog', { campaignId: c.campaignId, targetId: id(1) }))
    const revision = log.find((r) => r.action === 'score.revise')
    expect(revision).toMatchObject({ actorOpenid: P.judge(2), actorName: '评委2', before: { judge: P.judge(2), total: 8500 }, after: { judge: P.judge(2), total: 8600 } })
  })

  it('sends the top 2 of the semifinal to the final once the semifinal has closed', async () => {
    const preview = await ok(call(deps, P.organizer, 'judging', 'semifinalRanking', { campaignId: c.campaignId }))
    expect(preview.ranking[0]?.standings.map((s) => s.entryId)).toEqual([id(4), id(1), id(2)])
    expect(await failure(call(deps, P.organizer, 'judging', 'selectFinalists', { campaignId: c.campaignId }))).toMatchObject({ code: 'STAGE_CLOSED' })
    clock.t = deadlinesFrom(c.base).semifinal + HOUR
    await ok(call(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'final' }))
    const selected = await ok(call(deps, P.organizer, 'judging', 'selectFinalists', { campaignId: c.campaignId }))
    expect(selected.promoted).toEqual([id(4), id(1)])
    expect((await ok(call(deps, P.organizer, 'judging', 'selectFinalists', { campaignId: c.campaignId }))).promoted).toEqual([])
  })

  it('scores the final with 4 judges, publishes, and keeps the snapshot frozen until republished', async () => {
    const judges = [1, 2, 3, 4].map(P.judge)
    await ok(call(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'final', entryIds: [id(1), id(4)], judgeOpenids: judges }))
    for (const j of [1, 2, 3, 4]) {
      await ok(call(deps, P.judge(j), 'judging', 'submitScore', { roundId: 'final', entryId: id(1), points: pointsFor(90) }))
      await ok(call(deps, P.judge(j), 'judging', 'submitScore', { roundId: 'final', entryId: id(4), points: pointsFor(80) }))
    }
    expect(await failure(call(deps, P.organizer, 'results', 'publish', { campaignId: c.campaignId }))).toMatchObject({ code: 'STAGE_CLOSED' })
    clock.t = deadlinesFrom(c.base).final + HOUR
    await ok(call(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'published' }))

    const v1 = await ok(call(deps, P.organizer, 'results', 'publish', { campaignId: c.campaignId }))
    // speaker 1: 40 × 80.33 + 60 × 90 → 86.13; speaker 4: 40 × 90 + 60 × 80 → 84.00
    expect(v1.ranking[0]?.standings.map((s) => [s.entryId, s.finalScore])).toEqual([[id(1), 8613], [id(4), 8400]])
    expect(v1.awards.map((a) => [a.entryId, a.tier])).toEqual([[id(1), '一等奖'], [id(4), '二等奖']])
    expect(v1.entries[id(1)]?.speakerName).toBe('刘晓梅')
    expect(v1.organizations.map((o) => o.unitId)).toEqual(expect.arrayContaining([c.units.a, c.units.b]))

    // a judge can no longer revise: the final has closed
    expect(await failure(call(deps, P.judge(1), 'judging', 'reviseScore', { roundId: 'final', entryId: id(1), points: pointsFor(50) }))).toMatchObject({ code: 'STAGE_CLOSED' })
    // the organizer corrects a sheet: 50 90 90 90 → 80.00, so speaker 1 falls to 80.13
    await ok(call(deps, P.organizer, 'judging', 'correctScore', { roundId: 'final', entryId: id(1), judgeOpenid: P.judge(1), points: pointsFor(50), reason: '录入错误，按纸质评分表更正' }))

    const stillV1 = await ok(call(deps, null, 'results', 'get', { campaignId: c.campaignId }))
    expect(stillV1).toEqual(v1)
    const preview = await ok(call(deps, P.organizer, 'results', 'preview', { campaignId: c.campaignId }))
    expect(preview.ranking[0]?.standings.map((s) => [s.entryId, s.finalScore])).toEqual([[id(4), 8400], [id(1), 8013]])

    clock.t += DAY
    const v2 = await ok(call(deps, P.organizer, 'results', 'publish', { campaignId: c.campaignId }))
    expect(v2.version).toBe(2)
    expect(v2.awards.map((a) => [a.entryId, a.tier])).toEqual([[id(4), '一等奖'], [id(1), '二等奖']])
    expect(await ok(call(deps, P.audience(1), 'results', 'get', { campaignId: c.campaignId }))).toEqual(v2)
  })

  it('kept an audit row for every change of status, stage, score and results', async () => {
    const log = await ok(call(deps, P.organizer, 'campaign', 'auditLog', { campaignId: c.campaignId, limit: 200 }))
    const count = (action: string) => log.filter((r) => r.action === action).length
    expect(count('stage.advance')).toBe(4)
    expect(count('registration.submit')).toBe(5)
    expect(count('registration.endorse')).toBe(4)
    expect(count('registration.return')).toBe(1)
    expect(count('entry.submit')).toBe(4)
    expect(count('entry.recommend')).toBe(4)
    expect(count('entry.unrecommend')).toBe(1)
    expect(count('score.submit')).toBe(14 + 8)
    expect(count('score.revise')).toBe(1)
    expect(count('score.correct')).toBe(1)
    expect(count('finalists.select')).toBe(2)
    expect(count('results.publish')).toBe(2)
    expect(count('campaign.configure')).toBe(1)
    const correction = log.find((r) => r.action === 'score.correct')
    expect(correction).toMatchObject({ actorOpenid: P.organizer, before: { total: 9000 }, after: { total: 5000, reason: '录入错误，按纸质评分表更正' } })
    expect(log.find((r) => r.action === 'results.publish')).toMatchObject({ before: { version: 1 }, after: { version: 2 } })
  })
})
