import type { AwardTier, CampaignRules } from './campaign-rules'
import { isMeritTie, type RankingGroup, type Standing } from './ranking'

export interface AwardGrant {
  readonly entryId: string
  readonly unitId: string
  readonly trackId: string
  readonly group: string
  readonly tier: string
  /** 0 for the highest tier. */
  readonly tierIndex: number
  readonly position: number
}

/**
 * Award tiers by count down a ranked list.
 *
 * Boundary tie rule: entries equal on merit (same final score and same final-round score, see
 * `isMeritTie`) across a tier boundary all receive the higher tier, and the next tier shrinks by as
 * many places — tier k always ends at the cumulative count of tiers 1…k unless ties push past it, so
 * the total handed out only grows when a tie straddles the very last boundary (then every tied entry
 * gets the last tier). Submission time never decides an award.
 *
 * An entry missing a score in any counted round (e.g. absent from the live final) receives no award.
 */
export function assignAwardTiers(standings: readonly Standing[], tiers: readonly AwardTier[]): AwardGrant[] {
  const eligible = standings.filter((s) => s.missingRounds.length === 0)
  const n = eligible.length
  const grants: AwardGrant[] = []
  let start = 0
  let cumulative = 0
  tiers.forEach((tier, tierIndex) => {
    cumulative += tier.count
    let end = Math.min(cumulative, n)
    if (end <= start) return
    while (end < n && isMeritTie(eligible[end - 1] as Standing, eligible[end] as Standing)) end++
    for (let i = start; i < end; i++) {
      const s = eligible[i] as Standing
      grants.push({ entryId: s.entryId, unitId: s.unitId, trackId: s.trackId, group: s.group, tier: tier.name, tierIndex, position: s.position })
    }
    start = end
  })
  return grants
}

/** Awards for every ranking group: a track's own tiers when the campaign awards per track and sets them. */
export function assignAwards(groups: readonly RankingGroup[], rules: CampaignRules['awards']): AwardGrant[] {
  return groups.flatMap((g) => {
    const tiers = rules.scope === 'track' ? (rules.tiersByTrack[g.group] ?? rules.tiers) : rules.tiers
    return assignAwardTiers(g.standings, tiers)
  })
}
