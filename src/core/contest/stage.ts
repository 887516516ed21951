import { z } from 'zod'
import { ErrorCode, ok, type Result } from '../errors'
import { fail } from './fail'
import { formatShanghai } from './shanghai-time'

/** The stages of a campaign, in the only order they happen. */
export const STAGES = ['registration', 'preliminary', 'semifinal', 'final', 'published'] as const
export type Stage = (typeof STAGES)[number]

/** Every stage but `published` closes at a deadline; results stay published. */
export const DEADLINE_STAGES = ['registration', 'preliminary', 'semifinal', 'final'] as const
export type DeadlineStage = (typeof DEADLINE_STAGES)[number]

export const STAGE_LABEL: Readonly<Record<Stage, string>> = {
  registration: '报名',
  preliminary: '初赛（单位推荐）',
  semifinal: '复赛（专家评审）',
  final: '决赛',
  published: '结果公布'
}

/** Deadlines as epoch milliseconds (integers), strictly increasing in stage order. */
export type StageDeadlines = Readonly<Record<DeadlineStage, number>>

/** What the server knows about a campaign's progress: the recorded stage and its deadlines. */
export interface CampaignClock {
  readonly stage: Stage
  readonly deadlines: StageDeadlines
}

const epochMs = z.number({ error: '截止时间须为毫秒时间戳' }).int('截止时间须为整数毫秒')

export const StageDeadlinesSchema = z
  .object({ registration: epochMs, preliminary: epochMs, semifinal: epochMs, final: epochMs })
  .superRefine((d, ctx) => {
    for (let i = 1; i < DEADLINE_STAGES.length; i++) {
      const prev = DEADLINE_STAGES[i - 1]
      const cur = DEADLINE_STAGES[i]
      if (prev !== undefined && cur !== undefined && d[cur] <= d[prev]) {
        ctx.addIssue({
          code: 'custom',
          path: [cur],
          message: `「${STAGE_LABEL[cur]}」截止时间须晚于「${STAGE_LABEL[prev]}」截止时间`
        })
      }
    }
  })

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage)
}

export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null
}

/**
 * The stage machine: a campaign only moves forward, one stage at a time. There is no way back;
 * a stage that closed too early is reopened by extending its deadline before advancing.
 */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  registration: ['preliminary'],
  preliminary: ['semifinal'],
  semifinal: ['final'],
  final: ['published'],
  published: []
}

export function isLegalStageTransition(from: Stage, to: Stage): boolean {
  return STAGE_TRANSITIONS[from].includes(to)
}

/**
 * Whether the clock alone has a stage open: from the previous stage's deadline (inclusive; no
 * lower bound for registration) until its own deadline (exclusive). `published` never closes.
 */
export function isStageOpen(deadlines: StageDeadlines, stage: Stage, now: number): boolean {
  const i = stageIndex(stage)
  const prev = i > 0 ? DEADLINE_STAGES[i - 1] : undefined
  if (prev !== undefined && now < deadlines[prev]) return false
  return stage === 'published' || now < deadlines[stage]
}

/**
 * May an action of `stage` run now? Both the recorded stage and the server clock must agree:
 * the organizer has moved the campaign to `stage`, and its deadline has not passed.
 */
export function checkStageOpen(clock: CampaignClock, stage: Stage, now: number): Result<null> {
  if (clock.stage !== stage) {
    return fail(
      ErrorCode.STAGE_CLOSED,
      `当前处于「${STAGE_LABEL[clock.stage]}」阶段，不能进行「${STAGE_LABEL[stage]}」阶段的操作`
    )
  }
  if (stage !== 'published' && now >= clock.deadlines[stage]) {
    return fail(
      ErrorCode.STAGE_CLOSED,
      `「${STAGE_LABEL[stage]}」阶段已于 ${formatShanghai(clock.deadlines[stage])} 截止`
    )
  }
  return ok(null)
}

/**
 * The organizer moves the campaign on. Only to the next stage, and only once the current stage's
 * deadline has passed, so nobody loses time the notice promised them.
 */
export function checkAdvance(clock: CampaignClock, to: Stage, now: number): Result<Stage> {
  if (!isLegalStageTransition(clock.stage, to)) {
    return fail(
      ErrorCode.CONFLICT,
      `不能从「${STAGE_LABEL[clock.stage]}」阶段进入「${STAGE_LABEL[to]}」阶段`,
      'stage'
    )
  }
  const from = clock.stage
  if (from !== 'published' && now < clock.deadlines[from]) {
    return fail(
      ErrorCode.CONFLICT,
      `「${STAGE_LABEL[from]}」阶段 ${formatShanghai(clock.deadlines[from])} 才截止，截止后才能进入下一阶段`,
      'stage'
    )
  }
  return ok(to)
}

/**
 * Extending a deadline (audited by the caller). Only later, only for the current or a coming stage,
 * to a time still ahead of the server clock, and never past the next stage's deadline.
 * Returns the new deadlines.
 */
export function extendDeadline(
  clock: CampaignClock,
  stage: DeadlineStage,
  newDeadline: number,
  now: number
): Result<StageDeadlines> {
  const field = `deadlines.${stage}`
  if (!Number.isSafeInteger(newDeadline)) {
    return fail(ErrorCode.BAD_REQUEST, '截止时间须为整数毫秒时间戳', field)
  }
  if (stageIndex(stage) < stageIndex(clock.stage)) {
    return fail(ErrorCode.CONFLICT, `「${STAGE_LABEL[stage]}」阶段已经结束，不能再延期`, field)
  }
  const current = clock.deadlines[stage]
  if (newDeadline <= current) {
    return fail(
      ErrorCode.BAD_REQUEST,
      `新的截止时间须晚于原截止时间 ${formatShanghai(current)}（只能延期，不能提前）`,
      field
    )
  }
  if (newDeadline <= now) {
    return fail(ErrorCode.BAD_REQUEST, '新的截止时间须晚于当前时间', field)
  }
  const following = DEADLINE_STAGES[stageIndex(stage) + 1]
  if (following !== undefined && newDeadline >= clock.deadlines[following]) {
    return fail(
      ErrorCode.BAD_REQUEST,
      `新的截止时间须早于「${STAGE_LABEL[following]}」截止时间 ${formatShanghai(clock.deadlines[following])}，请先延后该阶段`,
      field
    )
  }
  return ok({ ...clock.deadlines, [stage]: newDeadline })
}
