import { z } from 'zod'
import { DEADLINE_STAGES, type CampaignRulesInput } from '../contest'

export const Stage = z.enum(['registration', 'preliminary', 'semifinal', 'final', 'published'])
export type Stage = z.infer<typeof Stage>

export const stageLabel: Record<Stage, string> = {
  registration: '报名',
  preliminary: '初赛（单位推荐）',
  semifinal: '复赛（专家评审）',
  final: '决赛（现场比赛）',
  published: '结果已发布'
}

export const CampaignListInput = z.object({}).strict()
export type CampaignListInput = z.infer<typeof CampaignListInput>

export interface TrackSummary {
  id: string
  name: string
}

export interface CampaignSummary {
  id: string
  name: string
  summary: string
  stage: Stage
  /** Deadline of the current stage in ms, or null when the stage has none (published). */
  stageDeadlineAt: number | null
  tracks: TrackSummary[]
  unitCount: number
  entryCount: number
}

export const CampaignGetInput = z.object({ campaignId: z.string().min(1, '请指定活动').max(40) }).strict()
export type CampaignGetInput = z.infer<typeof CampaignGetInput>

export interface StageWindow {
  stage: Stage
  opensAt: number | null
  deadlineAt: number | null
}

export interface CampaignDetail extends CampaignSummary {
  stages: StageWindow[]
  topics: Array<{ id: string; title: string; trackId: string | null }>
  units: Array<{ id: string; name: string }>
}

// ---------------------------------------------------------------------------------------------
// Rules and the organizer's administration of a campaign

const campaignId = z.string().trim().min(1, '请指定活动').max(40)

export const CampaignGetRulesInput = z.object({ campaignId }).strict()
export type CampaignGetRulesInput = z.infer<typeof CampaignGetRulesInput>

export const CampaignAdvanceInput = z
  .object({ campaignId, to: Stage.exclude(['registration'], { error: '请选择要进入的阶段' }) })
  .strict()
export type CampaignAdvanceInput = z.infer<typeof CampaignAdvanceInput>

export const CampaignExtendDeadlineInput = z
  .object({
    campaignId,
    stage: z.enum(DEADLINE_STAGES, { error: '请选择要延期的阶段' }),
    deadline: z.number({ error: '请填写新的截止时间' }).int('截止时间须为整数毫秒时间戳')
  })
  .strict()
export type CampaignExtendDeadlineInput = z.infer<typeof CampaignExtendDeadlineInput>

/**
 * The whole rules document replaces the stored one (the phone loads it with `rules`, edits, sends it
 * back); sections left out take the seeds' defaults. Parsed by the service with `parseCampaignRules`
 * so the message names the section in Chinese.
 */
export const CampaignConfigureInput = z
  .object({ campaignId, rules: z.record(z.string(), z.unknown(), { error: '请提供活动规则' }) })
  .strict()
export interface CampaignConfigureRequest {
  campaignId: string
  rules: CampaignRulesDocument
}

export const CampaignSetQuotaInput = z
  .object({
    campaignId,
    unitId: z.string().trim().min(1, '请指定单位').max(40),
    /** null: back to the campaign's default quota. */
    quota: z.number({ error: '推荐名额须为整数' }).int('推荐名额须为整数').min(0, '推荐名额不能为负数').max(100, '推荐名额不能超过 100').nullable()
  })
  .strict()
export type CampaignSetQuotaInput = z.infer<typeof CampaignSetQuotaInput>

export const CampaignAuditLogInput = z
  .object({
    campaignId,
    /** Only the rows about one entry, unit or the campaign itself. */
    targetId: z.string().trim().min(1).max(64).optional(),
    /** Paging: rows strictly older than this instant (epoch ms). */
    before: z.number().int().optional(),
    limit: z.number().int().min(1).max(200).default(50)
  })
  .strict()
export type CampaignAuditLogRequest = z.input<typeof CampaignAuditLogInput>

/** The rules as the organizer sends them: src/core/contest's CampaignRules with defaults left out. */
export type CampaignRulesDocument = CampaignRulesInput
export type { CampaignRules } from '../contest'

export interface CampaignClockView {
  campaignId: string
  stage: Stage
  deadlines: Record<(typeof DEADLINE_STAGES)[number], number>
}

export interface UnitQuotaView {
  unitId: string
  /** The unit's own quota, or null when it uses the campaign default. */
  quota: number | null
  effectiveQuota: number
  recommended: number
}

export interface AuditEntry {
  id: string
  actorOpenid: string
  /** The actor's name in this campaign, when they are a member. */
  actorName: string | null
  action: string
  targetType: string
  targetId: string
  before: unknown
  after: unknown
  at: number
}
