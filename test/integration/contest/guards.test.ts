/**
 * The guards around the contest, through the real functions on SQLite and MySQL: the server clock
 * closes stages, phone numbers reach only those who may see them, a failing content check holds a
 * script for review, and bad input is refused naming the field with nothing written.
 */
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { ContentCheck } from '../../../cloudfunctions/shared/ports'
import type { EntryDetail } from '../../../src/core/api'
import { testDatabases } from '../../support/databases'
import {
  DAY,
  P,
  TestClock,
  call,
  contestDeps,
  createContest,
  deadlinesFrom,
  failure,
  insertAssignments,
  insertEntry,
  noStorage,
  ok,
  pointsFor,
  rawCall,
  script,
  stageTime,
  tableCounts,
  validForm
} from '../../support/contest'

jest.setTimeout(120_000)

describe.each(testDatabases())('contest guards on $name', (database) => {
  let opened: OpenedDatabase
  beforeAll(async () => {
    opened = await database.open()
  })
  afterAll(() => opened.close())

  describe('the server clock closes stages', () => {
    it('refuses registration work after the deadline with STAGE_CLOSED, until the organizer extends it (audited)', async () => {
      const c = await createContest(opened.db)
      const clock = new TestClock(c.base)
      const deps = contestDeps(opened.db, clock)
      const draft = await ok(call(deps, P.speaker(1), 'entry', 'register', { campaignId: c.campaignId, unitId: c.units.a, form: validForm(c, 1) }))

      clock.t = deadlinesFrom(c.base).registration // the deadline itself is already closed
      for (const pending of [
        rawCall(deps, P.speaker(2), 'entry', 'register', { campaignId: c.campaignId, unitId: c.units.a, form: {} }),
        rawCall(deps, P.speaker(1), 'entry', 'updateForm', { entryId: draft.id, form: { title: '新题目' } }),
        rawCall(deps, P.speaker(1), 'entry', 'saveScript', { entryId: draft.id, text: script() }),
        rawCall(deps, P.speaker(1), 'entry', 'submitForm', { entryId: draft.id })
      ]) {
        const closed = await failure(pending)
        expect(closed.code).toBe('STAGE_CLOSED')
        expect(closed.message).toMatch(/截止/)
      }

      const later = deadlinesFrom(c.base).registration + 2 * DAY
      const early = await failure(call(deps, P.organizer, 'campaign', 'extendDeadline', { campaignId: c.campaignId, stage: 'registration', deadline: c.base }))
      expect(early).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.deadline' })
      const extended = await ok(call(deps, P.organizer, 'campaign', 'extendDeadline', { campaignId: c.campaignId, stage: 'registration', deadline: later }))
      expect(extended.deadlines.registration).toBe(later)
      expect((await ok(call(deps, P.speaker(1), 'entry', 'submitForm', { entryId: draft.id }))).status).toBe('pending')

      const [audit] = await ok(call(deps, P.organizer, 'campaign', 'auditLog', { campaignId: c.campaignId, targetId: c.campaignId }))
      expect(audit).toMatchObject({
        action: 'deadline.extend',
        actorOpenid: P.organizer,
        before: { stage: 'registration', deadline: deadlinesFrom(c.base).registration },
        after: { stage: 'registration', deadline: later },
        at: clock.now()
      })
      const detail = await ok(call(deps, null, 'campaign', 'get', { campaignId: c.campaignId }))
      expect(detail.stages.find((s) => s.stage === 'preliminary')?.opensAt).toBe(later + 1)
    })

    it('refuses actions of another stage, scores after the round closes and votes outside the window', async () => {
      const c = await createContest(opened.db, { stage: 'semifinal' })
      const clock = new TestClock(stageTime('semifinal'))
      const deps = contestDeps(opened.db, clock)
      const e = await insertEntry(opened.db, c, { id: `ent_${c.campaignId}_1`, speaker: P.speaker(1), unit: c.units.a, status: 'recommended' })
      await insertAssignments(opened.db, c, 'semifinal', e, [P.judge(1), P.judge(2)])

      expect(await failure(call(deps, P.secA, 'entry', 'unrecommend', { entryId: e }))).toMatchObject({ code: 'STAGE_CLOSED' })
      expect(await failure(call(deps, P.speaker(1), 'entry', 'withdraw', { entryId: e }))).toMatchObject({ code: 'STAGE_CLOSED' })
      // a judge not assigned in the final round is refused; one assigned there waits for the final
      expect(await failure(call(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'final', entryId: e, points: pointsFor(80) }))).toMatchObject({ code: 'FORBIDDEN' })
      await insertAssignments(opened.db, c, 'final', e, [P.judge(3)])
      expect(await failure(call(deps, P.judge(3), 'judging', 'submitScore', { roundId: 'final', entryId: e, points: pointsFor(80) }))).toMatchObject({ code: 'STAGE_CLOSED' })
      await ok(call(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: pointsFor(80) }))
      await ok(call(deps, P.audience(1), 'vote', 'cast', { entryId: e }))

      clock.t = deadlinesFrom(c.base).semifinal + 1
      expect(await failure(call(deps, P.judge(2), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: pointsFor(80) }))).toMatchObject({ code: 'STAGE_CLOSED' })
      expect(await failure(call(deps, P.judge(1), 'judging', 'reviseScore', { roundId: 'semifinal', entryId: e, points: pointsFor(85) }))).toMatchObject({ code: 'STAGE_CLOSED' })
      expect(await failure(call(deps, P.audience(2), 'vote', 'cast', { entryId: e }))).toMatchObject({ code: 'STAGE_CLOSED' })
      const mine = await ok(call(deps, P.audience(2), 'vote', 'mine', { campaignId: c.campaignId }))
      expect(mine).toMatchObject({ open: false, remaining: 3, entryIds: [] })
    })
  })

  describe('phone numbers', () => {
    it('reach the speaker, their secretary and organizers; an assigned judge sees the rest; the audience public fields only', async () => {
      const c = await createContest(opened.db, { stage: 'semifinal' })
      const clock = new TestClock(stageTime('preliminary'))
      const deps = contestDeps(opened.db, clock)
      const e = await insertEntry(opened.db, c, { id: `ent_${c.campaignId}_1`, speaker: P.speaker(1), unit: c.units.a, status: 'submitted', n: 7 })
      await insertAssignments(opened.db, c, 'semifinal', e, [P.judge(1)])
      const phone = String(validForm(c, 7).phone)

      const get = (openid: string | null) => call(deps, openid, 'entry', 'get', { entryId: e })
      for (const who of [P.speaker(1), P.secA, P.organizer]) {
        const view = await ok(get(who))
        expect(view.visibility).toBe('withPhone')
        expect((view.entry as EntryDetail).form.phone).toBe(phone)
      }
      const judge = await ok(get(P.judge(1)))
      expect(judge.visibility).toBe('withoutPhone')
      expect(JSON.stringify(judge)).not.toContain(phone)
      expect(JSON.stringify(judge)).toContain('讲稿')
      for (const who of [P.secB, P.judge(2), P.audience(1)]) expect((await failure(get(who))).code).toBe('FORBIDDEN')
      expect((await failure(get(null))).code).toBe('UNAUTHENTICATED')
      // lists carry phones, so only the unit's secretary and organizers get them
      expect((await failure(call(deps, P.secB, 'entry', 'listUnit', { campaignId: c.campaignId, unitId: c.units.a }))).code).toBe('FORBIDDEN')
      expect((await ok(call(deps, P.secA, 'entry', 'listUnit', { campaignId: c.campaignId, unitId: c.units.a }))).entries[0]?.phone).toBe(phone)

      // once recommended in a vote window, the audience sees the public fields
      await opened.db.updateTable('entries').set({ status: 'recommended' }).where('id', '=', e).execute()
      for (const who of [P.audience(1), P.secB, null]) {
        const view = await ok(get(who))
        expect(view.visibility).toBe('public')
        expect(Object.keys(view.entry).sort()).toEqual(['id', 'speakerName', 'summary', 'title', 'topicId', 'trackId', 'unitId'])
        expect(JSON.stringify(view)).not.toContain(phone)
      }
      const board = await ok(call(deps, null, 'vote', 'leaderboard', { campaignId: c.campaignId }))
      expect(JSON.stringify(board)).not.toContain(phone)
      expect(board[0]?.rows.map((r) => r.entryId)).toEqual([e])
    })
  })

  describe('the content check', () => {
    const setup = async (contentCheck: ContentCheck | undefined) => {
      const c = await createContest(opened.db)
      const clock = new TestClock(c.base)
      const deps = contentCheck === undefined ? { db: opened.db, clock, storage: noStorage } : contestDeps(opened.db, clock, contentCheck)
      const e = await insertEntry(opened.db, c, { id: `ent_${c.campaignId}_1`, speaker: P.speaker(1), unit: c.units.a, status: 'endorsed' })
      await opened.db.updateTable('entries').set({ script: null, script_status: null }).where('id', '=', e).execute()
      return { c, deps, e }
    }

    it.each([
      ['throws', { check: () => Promise.reject(new Error('errcode -1 system busy')) }],
      ['answers garbage', { check: () => Promise.resolve({ outcome: 'maybe' } as never) }],
      ['is not configured', undefined]
    ])('holds the script for review, never passes it, when the check %s', async (_name, port) => {
      const { c, deps, e } = await setup(port as ContentCheck | undefined)
      const saved = await ok(call(deps, P.speaker(1), 'entry', 'saveScript', { entryId: e, text: script() }))
      expect(saved.status).toBe('review')
      const row = await opened.db.selectFrom('entries').select(['script_status', 'script']).where('id', '=', e).executeTakeFirstOrThrow()
      expect(row).toEqual({ script_status: 'review', script: script() })
      // held scripts cannot be submitted until the organizer passes them
      expect(await failure(call(deps, P.speaker(1), 'entry', 'submit', { entryId: e }))).toMatchObject({ code: 'CONFLICT', field: 'script' })
      expect((await failure(call(deps, P.secA, 'entry', 'reviewScript', { entryId: e, decision: 'pass' }))).code).toBe('FORBIDDEN')
      await ok(call(deps, P.organizer, 'entry', 'reviewScript', { entryId: e, decision: 'pass', note: '人工复核通过' }))
      expect((await ok(call(deps, P.speaker(1), 'entry', 'submit', { entryId: e }))).status).toBe('submitted')
      const log = await ok(call(deps, P.organizer, 'campaign', 'auditLog', { campaignId: c.campaignId, targetId: e }))
      expect(log.map((r) => r.action)).toEqual(['entry.submit', 'script.review', 'script.save'])
    })

    it('refuses a script with a listed word, however it is spaced, and keeps nothing', async () => {
      const { deps, e } = await setup(undefined)
      const withPort = { ...deps, contentCheck: contestDeps(opened.db, new TestClock(0)).contentCheck }
      const before = await tableCounts(opened.db)
      const refused = await failure(call(withPort, P.speaker(1), 'entry', 'saveScript', { entryId: e, text: `${script(2)}违，禁　词-乙` }))
      expect(refused).toMatchObject({ code: 'CONTENT_REJECTED', field: 'payload.text' })
      expect(await tableCounts(opened.db)).toEqual(before)
      expect((await opened.db.selectFrom('entries').select('script').where('id', '=', e).executeTakeFirstOrThrow()).script).toBeNull()
    })
  })

  describe('bad input', () => {
    it('answers BAD_REQUEST naming the field and writes nothing', async () => {
      const c = await createContest(opened.db, { stage: 'semifinal' })
      const clock = new TestClock(stageTime('semifinal'))
      const deps = contestDeps(opened.db, clock)
      const e = await insertEntry(opened.db, c, { id: `ent_${c.campaignId}_1`, speaker: P.speaker(1), unit: c.units.a, status: 'recommended' })
      await insertAssignments(opened.db, c, 'semifinal', e, [P.judge(1)])
      const reg = await createContest(opened.db)
      const regDeps = contestDeps(opened.db, new TestClock(reg.base))

      const cases: Array<[string, Promise<unknown>, string]> = [
        ['phone', rawCall(regDeps, P.speaker(5), 'entry', 'register', { campaignId: reg.campaignId, unitId: reg.units.a, form: { phone: '12345' } }), 'payload.form.phone'],
        ['gender', rawCall(regDeps, P.speaker(5), 'entry', 'register', { campaignId: reg.campaignId, unitId: reg.units.a, form: { gender: '未知' } }), 'payload.form.gender'],
        ['track', rawCall(regDeps, P.speaker(5), 'entry', 'register', { campaignId: reg.campaignId, unitId: reg.units.a, form: { trackId: 'nope' } }), 'payload.form.trackId'],
        ['unit', rawCall(regDeps, P.speaker(5), 'entry', 'register', { campaignId: reg.campaignId, unitId: c.units.a, form: {} }), 'payload.unitId'],
        ['forged identity', rawCall(regDeps, P.speaker(5), 'entry', 'register', { campaignId: reg.campaignId, unitId: reg.units.a, openid: P.organizer }), 'payload.openid'],
        ['over max', rawCall(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: { ...pointsFor(80), content: 45 } }), 'payload.points.content'],
        ['missing criterion', rawCall(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: { content: 30, delivery: 20, effect: 10 } }), 'payload.points.image'],
        ['three decimals', rawCall(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: { ...pointsFor(80), image: 5.125 } }), 'payload.points.image'],
        ['not a number', rawCall(deps, P.judge(1), 'judging', 'submitScore', { roundId: 'semifinal', entryId: e, points: { ...pointsFor(80), effect: '20' } }), 'payload.points.effect'],
        ['rules', rawCall(deps, P.organizer, 'campaign', 'configure', { campaignId: c.campaignId, rules: { script: { maxChars: 'many' } } }), 'payload.rules.script.maxChars'],
        ['rules missing', rawCall(deps, P.organizer, 'campaign', 'configure', { campaignId: c.campaignId }), 'payload.rules'],
        ['rules video', rawCall(deps, P.organizer, 'campaign', 'configure', { campaignId: c.campaignId, rules: { video: { durationSec: { min: 600, max: 480 } } } }), 'payload.rules.video.durationSec'],
        ['quota', rawCall(deps, P.organizer, 'campaign', 'setQuota', { campaignId: c.campaignId, unitId: c.units.a, quota: -1 }), 'payload.quota'],
        ['stage', rawCall(deps, P.organizer, 'campaign', 'advanceStage', { campaignId: c.campaignId, to: 'nowhere' }), 'payload.to'],
        ['judges', rawCall(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'semifinal', entryIds: [e], judgeOpenids: [P.judge(2), P.audience(1)] }), 'payload.judgeOpenids[1]'],
        ['entries', rawCall(deps, P.organizer, 'judging', 'assign', { campaignId: c.campaignId, roundId: 'semifinal', entryIds: [e, 'ent_missing'], judgeOpenids: [P.judge(2)] }), 'payload.entryIds[1]'],
        ['reason', rawCall(deps, P.secA, 'entry', 'return', { entryId: e, reason: '' }), 'payload.reason'],
        ['vote voter', rawCall(deps, P.audience(1), 'vote', 'cast', { entryId: e, voterOpenid: P.audience(2) }), 'payload.voterOpenid']
      ]
      const before = await tableCounts(opened.db)
      for (const [name, pending, field] of cases) {
        const result = await pending
        expect([name, result]).toEqual([name, expect.objectContaining({ ok: false, field })])
        if (field !== 'payload.entryIds[1]') expect([name, result]).toEqual([name, expect.objectContaining({ code: 'BAD_REQUEST' })])
        const message = (result as { message: string }).message
        expect(message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expect(await tableCounts(opened.db)).toEqual(before)
    })
  })

  describe('races', () => {
    it('gives the last quota place to exactly one of several parallel recommendations', async () => {
      const c = await createContest(opened.db, { stage: 'preliminary' })
      const deps = contestDeps(opened.db, new TestClock(stageTime('preliminary')))
      const ids = await Promise.all([1, 2, 3, 4].map((n) => insertEntry(opened.db, c, { id: `ent_${c.campaignId}_${n}`, speaker: P.speaker(n), unit: c.units.a, status: 'submitted', n })))
      await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: ids[0] ?? '' }))
      const results = await Promise.all(ids.slice(1).map((entryId) => call(deps, P.secA, 'entry', 'recommend', { entryId })))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.flatMap((r) => (r.ok ? [] : [r.code]))).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED'])
      const recommended = await opened.db.selectFrom('entries').select('id').where('campaign_id', '=', c.campaignId).where('status', '=', 'recommended').execute()
      expect(recommended).toHaveLength(2)
    })

    it('opens one entry when a speaker taps register several times at once', async () => {
      const c = await createContest(opened.db)
      const deps = contestDeps(opened.db, new TestClock(c.base))
      const results = await Promise.all([1, 2, 3].map(() => call(deps, P.speaker(9), 'entry', 'register', { campaignId: c.campaignId, unitId: c.units.b, form: validForm(c, 9) })))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.flatMap((r) => (r.ok ? [] : [r.code]))).toEqual(['CONFLICT', 'CONFLICT'])
      const rows = await opened.db.selectFrom('entries').select('id').where('campaign_id', '=', c.campaignId).execute()
      expect(rows).toHaveLength(1)
      const members = await opened.db.selectFrom('members').select('id').where('campaign_id', '=', c.campaignId).where('openid', '=', P.speaker(9)).execute()
      expect(members).toHaveLength(1)
    })
  })

  describe('quotas', () => {
    it('follow the organizer’s unit quota (audited) and refuse a quota below what is already recommended', async () => {
      const c = await createContest(opened.db, { stage: 'preliminary' })
      const clock = new TestClock(stageTime('preliminary'))
      const deps = contestDeps(opened.db, clock)
      const ids = await Promise.all([1, 2].map((n) => insertEntry(opened.db, c, { id: `ent_${c.campaignId}_${n}`, speaker: P.speaker(n), unit: c.units.a, status: 'submitted', n })))
      await ok(call(deps, P.organizer, 'campaign', 'setQuota', { campaignId: c.campaignId, unitId: c.units.a, quota: 1 }))
      await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: ids[0] ?? '' }))
      expect((await failure(call(deps, P.secA, 'entry', 'recommend', { entryId: ids[1] ?? '' }))).code).toBe('QUOTA_EXCEEDED')
      expect(await failure(call(deps, P.organizer, 'campaign', 'setQuota', { campaignId: c.campaignId, unitId: c.units.a, quota: 0 }))).toMatchObject({ code: 'CONFLICT', field: 'payload.quota' })
      const view = await ok(call(deps, P.organizer, 'campaign', 'setQuota', { campaignId: c.campaignId, unitId: c.units.a, quota: null }))
      expect(view).toEqual({ unitId: c.units.a, quota: null, effectiveQuota: 2, recommended: 1 })
      await ok(call(deps, P.secA, 'entry', 'recommend', { entryId: ids[1] ?? '' }))
      const rules = await ok(call(deps, null, 'campaign', 'rules', { campaignId: c.campaignId }))
      expect(rules.recommendation.quotaByUnit).toEqual({})
      const log = await ok(call(deps, P.organizer, 'campaign', 'auditLog', { campaignId: c.campaignId, targetId: c.units.a }))
      expect(log.map((r) => [r.action, r.before, r.after])).toEqual([
        ['quota.set', { quota: 1, effectiveQuota: 1 }, { quota: null, effectiveQuota: 2 }],
        ['quota.set', { quota: null, effectiveQuota: 2 }, { quota: 1, effectiveQuota: 1 }]
      ])
    })
  })
})
