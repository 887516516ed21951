import { z } from 'zod'
import { ErrorCode, ok, type Result } from '../errors'
import type { ContentCheckOutcome } from './script'
import { fail } from './fail'
import type { Stage } from './stage'

/**
 * The life of an Entry. The secretary's endorsement (所在单位推荐意见) replaces the paper seal;
 * `submitted` means the form is endorsed and the script and a verified video are in.
 */
export const ENTRY_STATUSES = [
  'draft',
  'pending',
  'returned',
  'endorsed',
  'submitted',
  'recommended',
  'finalist',
  'withdrawn'
] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

export const ENTRY_STATUS_LABEL: Readonly<Record<EntryStatus, string>> = {
  draft: '草稿',
  pending: '待单位审核',
  returned: '已退回',
  endorsed: '单位已同意',
  submitted: '已提交作品',
  recommended: '已推荐复赛',
  finalist: '入围决赛',
  withdrawn: '已撤回'
}

export const ENTRY_EVENTS = [
  'submitForm',
  'endorse',
  'return',
  'submit',
  'recommend',
  'unrecommend',
  'selectFinalist',
  'withdraw'
] as const
export type EntryEvent = (typeof ENTRY_EVENTS)[number]

export interface EntryTransition {
  readonly from: readonly EntryStatus[]
  readonly to: EntryStatus
  /** The campaign stage in which the event may happen (checked with `checkStageOpen`). */
  readonly stage: Stage
}

/** Every legal move; anything not listed is refused. */
export const ENTRY_TRANSITIONS: Readonly<Record<EntryEvent, EntryTransition>> = {
  /** speaker sends the 推荐表 to the unit secretary (again, after a return) */
  submitForm: { from: ['draft', 'returned'], to: 'pending', stage: 'registration' },
  /** secretary signs the 推荐意见 */
  endorse: { from: ['pending'], to: 'endorsed', stage: 'registration' },
  /** secretary sends it back with a reason */
  return: { from: ['pending'], to: 'returned', stage: 'registration' },
  /** speaker hands in the endorsed form with script and verified video */
  submit: { from: ['endorsed'], to: 'submitted', stage: 'registration' },
  /** secretary recommends it to the semifinal, within the unit's quota */
  recommend: { from: ['submitted'], to: 'recommended', stage: 'preliminary' },
  /** secretary takes a recommendation back while the preliminary is open, freeing quota */
  unrecommend: { from: ['recommended'], to: 'submitted', stage: 'preliminary' },
  /** the semifinal ranking puts it in the top N; done once the campaign has entered the final, so
   *  the semifinal's scores are closed when it is decided */
  selectFinalist: { from: ['recommended'], to: 'finalist', stage: 'final' },
  /** speaker pulls out before the unit has recommended it */
  withdraw: { from: ['draft', 'pending', 'returned', 'endorsed', 'submitted'], to: 'withdrawn', stage: 'registration' }
}

export function canTransition(status: EntryStatus, event: EntryEvent): boolean {
  return ENTRY_TRANSITIONS[event].from.includes(status)
}

const EVENT_LABEL: Readonly<Record<EntryEvent, string>> = {
  submitForm: '提交推荐表',
  endorse: '同意推荐',
  return: '退回',
  submit: '提交作品',
  recommend: '推荐进入复赛',
  unrecommend: '撤销推荐',
  selectFinalist: '入围决赛',
  withdraw: '撤回报名'
}

export function transitionEntry(status: EntryStatus, event: EntryEvent): Result<EntryStatus> {
  if (!canTransition(status, event)) {
    return fail(ErrorCode.CONFLICT, `作品当前状态为「${ENTRY_STATUS_LABEL[status]}」，不能${EVENT_LABEL[event]}`, 'status')
  }
  return ok(ENTRY_TRANSITIONS[event].to)
}

/** The form is what the secretary endorses, so it is frozen once sent. */
export const FORM_EDITABLE: readonly EntryStatus[] = ['draft', 'returned']
/** Script and video may still change until the entry is submitted. */
export const MATERIALS_EDITABLE: readonly EntryStatus[] = ['draft', 'pending', 'returned', 'endorsed']

export function checkFormEditable(status: EntryStatus): Result<null> {
  return FORM_EDITABLE.includes(status)
    ? ok(null)
    : fail(ErrorCode.CONFLICT, `作品当前状态为「${ENTRY_STATUS_LABEL[status]}」，推荐表不能修改`, 'status')
}

export function checkMaterialsEditable(status: EntryStatus): Result<null> {
  return MATERIALS_EDITABLE.includes(status)
    ? ok(null)
    : fail(ErrorCode.CONFLICT, `作品当前状态为「${ENTRY_STATUS_LABEL[status]}」，讲稿和视频不能修改`, 'status')
}

export const ReturnReasonSchema = z
  .string({ error: '请填写退回理由' })
  .trim()
  .min(2, '请填写退回理由（至少 2 个字）')
  .max(200, '退回理由不能超过 200 个字')

export function parseReturnReason(input: unknown): Result<string> {
  const parsed = ReturnReasonSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : fail(ErrorCode.BAD_REQUEST, parsed.error.issues[0]?.message ?? '请填写退回理由', 'reason')
}

export interface SubmissionFacts {
  readonly status: EntryStatus
  /** The script exists and is within the length and time limits. */
  readonly scriptWithinLimits: boolean
  readonly contentCheck: ContentCheckOutcome | null
  /** The cloud re-read the stored video's header and the VideoSpec verdict passed. */
  readonly videoVerified: boolean
}

/** The `submit` event with its guards: endorsed form, a script that passed the check, a verified video. */
export function checkSubmission(facts: SubmissionFacts): Result<EntryStatus> {
  const moved = transitionEntry(facts.status, 'submit')
  if (!moved.ok) return moved
  if (!facts.scriptWithinLimits) return fail(ErrorCode.BAD_REQUEST, '请先保存符合字数和时长要求的讲稿', 'script')
  if (facts.contentCheck === 'reject') return fail(ErrorCode.CONTENT_REJECTED, '讲稿未通过内容审核，请修改后重新保存', 'script')
  if (facts.contentCheck !== 'pass') return fail(ErrorCode.CONFLICT, '讲稿正在人工复核，复核通过后才能提交', 'script')
  if (!facts.videoVerified) return fail(ErrorCode.VIDEO_REJECTED, '请先上传符合要求的视频', 'video')
  return moved
}
