import {
  checkAdvance,
  checkStageOpen,
  extendDeadline,
  isLegalStageTransition,
  isStageOpen,
  nextStage,
  STAGES,
  StageDeadlinesSchema,
  type CampaignClock,
  type Stage
} from '../../../src/core/contest'

const at = (iso: string): number => Date.parse(`${iso}+08:00`)
const DEADLINES = {
  registration: at('2024-05-10T18:00:00'),
  preliminary: at('2024-05-20T18:00:00'),
  semifinal: at('2024-06-01T18:00:00'),
  final: at('2024-06-15T18:00:00')
}
const clock = (stage: Stage): CampaignClock => ({ stage, deadlines: DEADLINES })

describe('stage machine', () => {
  it('moves forward one stage at a time and never back', () => {
    const legal = STAGES.flatMap((from) => STAGES.filter((to) => isLegalStageTransition(from, to)).map((to) => `${from}→${to}`))
    expect(legal).toEqual(['registration→preliminary', 'preliminary→semifinal', 'semifinal→final', 'final→published'])
    expect(STAGES.map(nextStage)).toEqual(['preliminary', 'semifinal', 'final', 'published', null])
  })

  it('opens a stage by the clock from the previous deadline until its own', () => {
    expect(isStageOpen(DEADLINES, 'registration', at('2024-01-01T00:00:00'))).toBe(true)
    expect(isStageOpen(DEADLINES, 'registration', DEADLINES.registration - 1)).toBe(true)
    expect(isStageOpen(DEADLINES, 'registration', DEADLINES.registration)).toBe(false)
    expect(isStageOpen(DEADLINES, 'preliminary', DEADLINES.registration - 1)).toBe(false)
    expect(isStageOpen(DEADLINES, 'preliminary', DEADLINES.registration)).toBe(true)
    expect(isStageOpen(DEADLINES, 'published', DEADLINES.final - 1)).toBe(false)
    expect(isStageOpen(DEADLINES, 'published', DEADLINES.final + 10 ** 12)).toBe(true)
  })

  it('lets an action run only in the recorded stage and before its deadline', () => {
    expect(checkStageOpen(clock('registration'), 'registration', DEADLINES.registration - 1)).toEqual({ ok: true, data: null })
    expect(checkStageOpen(clock('registration'), 'registration', DEADLINES.registration)).toEqual({
      ok: false,
      code: 'STAGE_CLOSED',
      message: '「报名」阶段已于 2024-05-10 18:00 截止'
    })
    // The clock says preliminary, but the organizer has not moved the campaign on yet.
    expect(checkStageOpen(clock('registration'), 'preliminary', DEADLINES.registration + 1)).toMatchObject({ ok: false, code: 'STAGE_CLOSED' })
    expect(checkStageOpen(clock('published'), 'published', DEADLINES.final + 1)).toEqual({ ok: true, data: null })
  })

  it('advances only to the next stage, once the current deadline has passed', () => {
    expect(checkAdvance(clock('registration'), 'preliminary', DEADLINES.registration)).toEqual({ ok: true, data: 'preliminary' })
    expect(checkAdvance(clock('registration'), 'preliminary', DEADLINES.registration - 1)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(checkAdvance(clock('registration'), 'semifinal', DEADLINES.preliminary)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(checkAdvance(clock('semifinal'), 'preliminary', DEADLINES.final)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(checkAdvance(clock('published'), 'published', DEADLINES.final)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('extendDeadline', () => {
  const now = at('2024-05-10T19:00:00')

  it('reopens the current stage after its deadline by moving it later', () => {
    const r = extendDeadline(clock('registration'), 'registration', at('2024-05-12T18:00:00'), now)
    expect(r).toEqual({ ok: true, data: { ...DEADLINES, registration: at('2024-05-12T18:00:00') } })
    if (r.ok) expect(checkStageOpen({ stage: 'registration', deadlines: r.data }, 'registration', now)).toEqual({ ok: true, data: null })
  })

  it('extends a coming stage', () => {
    expect(extendDeadline(clock('registration'), 'final', at('2024-06-20T18:00:00'), now)).toMatchObject({ ok: true })
  })

  it.each([
    ['an earlier time', 'registration', at('2024-05-09T18:00:00'), 'BAD_REQUEST', /只能延期/],
    ['a time already past', 'registration', at('2024-05-10T18:30:00'), 'BAD_REQUEST', /晚于当前时间/],
    ['past the next deadline', 'registration', at('2024-05-21T18:00:00'), 'BAD_REQUEST', /早于「初赛（单位推荐）」截止时间/],
    ['a fraction of a millisecond', 'registration', at('2024-05-12T18:00:00') + 0.5, 'BAD_REQUEST', /整数/]
  ] as const)('refuses %s', (_, stage, when, code, message) => {
    const r = extendDeadline(clock('registration'), stage, when, now)
    expect(r).toMatchObject({ ok: false, code, field: `deadlines.${stage}` })
    if (!r.ok) expect(r.message).toMatch(message)
  })

  it('refuses to extend a stage the campaign has left', () => {
    expect(extendDeadline(clock('semifinal'), 'preliminary', at('2024-05-25T18:00:00'), now)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('StageDeadlinesSchema', () => {
  it('requires integer deadlines in stage order', () => {
    expect(StageDeadlinesSchema.safeParse(DEADLINES).success).toBe(true)
    const out = StageDeadlinesSchema.safeParse({ ...DEADLINES, semifinal: DEADLINES.preliminary })
    expect(out.success).toBe(false)
    if (!out.success) expect(out.error.issues[0]).toMatchObject({ path: ['semifinal'], message: '「复赛（专家评审）」截止时间须晚于「初赛（单位推荐）」截止时间' })
    expect(StageDeadlinesSchema.safeParse({ ...DEADLINES, final: 1.5 }).success).toBe(false)
  })
})
