import { z } from 'zod'
import {
  RegistrationDraftSchema,
  ReturnReasonSchema,
  type ContentCheckOutcome,
  type EntryStatus,
  type EntryView,
  type RegistrationDraft,
  type UnitRecommendationProgress
} from '../contest'

const id = (what: string) => z.string({ error: `请指定${what}` }).trim().min(1, `请指定${what}`).max(40, `${what}编号过长`)
const entryId = id('参赛作品')

/** 报名: a draft 推荐表 for one unit; every field is optional, but what is given must be valid. */
export const EntryRegisterInput = z
  .object({ campaignId: id('活动'), unitId: id('单位'), branchId: id('支部').optional(), form: RegistrationDraftSchema.prefault({}) })
  .strict()
export type EntryRegisterInput = z.input<typeof EntryRegisterInput>

/** Fields given replace the stored ones; fields left out stay as they are. */
export const EntryUpdateFormInput = z.object({ entryId, form: RegistrationDraftSchema }).strict()
export type EntryUpdateFormInput = z.input<typeof EntryUpdateFormInput>

/** Actions that name only the entry: submitForm, withdraw, endorse, submit, recommend, unrecommend, get. */
export const EntryIdInput = z.object({ entryId }).strict()
export type EntryIdInput = z.input<typeof EntryIdInput>

export const EntryReturnInput = z.object({ entryId, reason: ReturnReasonSchema }).strict()
export type EntryReturnInput = z.input<typeof EntryReturnInput>

/** Length and reading time are the service's to judge (campaign rules); this caps what is accepted at all. */
export const EntrySaveScriptInput = z
  .object({ entryId, text: z.string({ error: '请填写讲稿' }).max(50_000, '讲稿过长') })
  .strict()
export type EntrySaveScriptInput = z.input<typeof EntrySaveScriptInput>

/** The organizer's decision on a script the content check held for review. */
export const EntryReviewScriptInput = z
  .object({
    entryId,
    decision: z.enum(['pass', 'reject'], { error: '请选择复核结果（通过或不通过）' }),
    note: z.string().trim().max(200, '复核意见不能超过 200 个字').optional()
  })
  .strict()
export type EntryReviewScriptInput = z.input<typeof EntryReviewScriptInput>

/** A stored upload (files.id) whose VideoSpec verdict the media function records on the entry. */
export const EntryAttachVideoInput = z.object({ entryId, fileId: id('视频文件') }).strict()
export type EntryAttachVideoInput = z.input<typeof EntryAttachVideoInput>

export const EntryMineInput = z.object({ campaignId: id('活动').optional() }).strict()
export type EntryMineInput = z.input<typeof EntryMineInput>

export const EntryListUnitInput = z.object({ campaignId: id('活动'), unitId: id('单位') }).strict()
export type EntryListUnitInput = z.input<typeof EntryListUnitInput>

export const EntryListAllInput = z
  .object({
    campaignId: id('活动'),
    unitId: id('单位').optional(),
    trackId: id('赛道').optional(),
    status: z.enum(['draft', 'pending', 'returned', 'endorsed', 'submitted', 'recommended', 'finalist', 'withdrawn']).optional()
  })
  .strict()
export type EntryListAllInput = z.input<typeof EntryListAllInput>

/** The secretary's 所在单位推荐意见, replacing the seal. */
export interface Endorsement {
  decision: 'endorsed' | 'returned'
  by: string
  at: number
  reason?: string
}

export interface ScriptState {
  text: string
  /** Letters and digits, as the limit counts them. */
  chars: number
  /** Estimated reading time at the campaign's pace. */
  seconds: number
  /** The content check's outcome; `review` holds the script until the organizer decides. */
  status: ContentCheckOutcome | null
  updatedAt: number | null
}

export interface VideoState {
  fileId: string
  /** null until the media function has recorded the VideoSpec verdict for this file. */
  verified: boolean | null
  /** The verdict's messages, in Chinese. */
  problems: string[]
}

/** An entry in full, as the speaker, their secretary and organizers see it (with the phone). */
export interface EntryDetail {
  id: string
  campaignId: string
  unitId: string
  unitName: string
  branchId: string | null
  speakerOpenid: string
  status: EntryStatus
  form: RegistrationDraft
  endorsement: Endorsement | null
  script: ScriptState | null
  video: VideoState | null
  recommendedAt: number | null
  createdAt: number
  submittedAt: number | null
  updatedAt: number
}

/** What `get` returns: the entry cut to what the caller may see (phone only for speaker, secretary, organizer). */
export type EntryDetailView = EntryView<EntryDetail>

/** A row of a list; lists are only shown to people who may see the phone. */
export interface EntrySummary {
  id: string
  campaignId: string
  unitId: string
  unitName: string
  trackId: string
  topicId: string | null
  title: string
  speakerName: string | null
  speakerOpenid: string
  phone: string
  status: EntryStatus
  scriptStatus: ContentCheckOutcome | null
  videoVerified: boolean | null
  submittedAt: number | null
  recommendedAt: number | null
  updatedAt: number
}

export interface UnitEntries {
  unitId: string
  unitName: string
  progress: UnitRecommendationProgress
  entries: EntrySummary[]
}

export interface ScriptSaved {
  entryId: string
  chars: number
  seconds: number
  status: ContentCheckOutcome
  /** Why, in Chinese: shown to the speaker when the script is held for review. */
  reason: string
}

export interface RecommendationResult {
  entry: EntrySummary
  progress: UnitRecommendationProgress
}
