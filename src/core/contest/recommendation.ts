import { ErrorCode, ok, type Result } from '../errors'
import type { CampaignRules } from './campaign-rules'
import { fail } from './fail'

/** A unit's recommendation quota: its own when the organizer set one, else the campaign default. */
export function unitQuota(rules: CampaignRules, unitId: string): number {
  return rules.recommendation.quotaByUnit[unitId] ?? rules.recommendation.defaultQuota
}

/**
 * May the unit recommend one more entry? `recommendedCount` is how many it has recommended now; the
 * service counts and writes inside one transaction so two secretaries cannot both take the last place.
 */
export function checkRecommendationQuota(rules: CampaignRules, unitId: string, recommendedCount: number): Result<{ quota: number; remaining: number }> {
  const quota = unitQuota(rules, unitId)
  if (recommendedCount >= quota) {
    return fail(ErrorCode.QUOTA_EXCEEDED, `本单位推荐名额为 ${quota} 名，已全部使用；如需更换，请先撤销一个推荐`)
  }
  return ok({ quota, remaining: quota - recommendedCount - 1 })
}

export interface UnitRecommendationProgress {
  readonly quota: number
  readonly recommended: number
  /** Below the expected minimum: the organizer's cue to nudge the unit. */
  readonly belowMinimum: boolean
}

export function unitRecommendationProgress(rules: CampaignRules, unitId: string, recommended: number): UnitRecommendationProgress {
  const quota = unitQuota(rules, unitId)
  return { quota, recommended, belowMinimum: recommended < Math.min(rules.recommendation.minExpected, quota) }
}
