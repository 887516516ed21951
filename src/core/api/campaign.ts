import { z } from 'zod'

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
