import { z } from 'zod'
import type { ResultsSnapshot } from '../contest'

const campaignId = z.string({ error: '请指定活动' }).trim().min(1, '请指定活动').max(40, '活动编号过长')

export const ResultsCampaignInput = z.object({ campaignId }).strict()
export type ResultsCampaignInput = z.input<typeof ResultsCampaignInput>

/** Names frozen with the numbers, so a published page never changes when an entry is edited later. */
export interface ResultsLabels {
  entries: Record<string, { title: string; speakerName: string | null; unitId: string; trackId: string }>
  units: Record<string, string>
  tracks: Record<string, string>
}

export interface ResultsPreview extends ResultsSnapshot, ResultsLabels {
  campaignId: string
  computedAt: number
}

/** The frozen snapshot: what everyone reads until the organizer republishes. */
export interface PublishedResults extends ResultsSnapshot, ResultsLabels {
  campaignId: string
  version: number
  publishedAt: number
}
