import type { AwardGrant } from './awards'
import type { CampaignRules } from './campaign-rules'
import type { EntryStatus } from './entry-status'

/** What a unit achieved in a campaign, counted from its entries and their awards. */
export interface UnitTally {
  readonly unitId: string
  /** Entries that got as far as a complete submission (form endorsed, script and video in). */
  readonly participants: number
  /** Entries the unit recommended to the semifinal. */
  readonly recommended: number
  readonly finalists: number
  readonly awardsByTier: Readonly<Record<string, number>>
}

const PARTICIPATED: readonly EntryStatus[] = ['submitted', 'recommended', 'finalist']
const RECOMMENDED: readonly EntryStatus[] = ['recommended', 'finalist']

/** Tallies units from their entries' statuses and the award grants; units without entries are absent. */
export function tallyUnits(
  entries: readonly { readonly entryId: string; readonly unitId: string; readonly status: EntryStatus }[],
  grants: readonly AwardGrant[]
): UnitTally[] {
  const byUnit = new Map<string, { participants: number; recommended: number; finalists: number; awardsByTier: Record<string, number> }>()
  const tallyOf = (unitId: string) => {
    let t = byUnit.get(unitId)
    if (t === undefined) {
      t = { participants: 0, recommended: 0, finalists: 0, awardsByTier: {} }
      byUnit.set(unitId, t)
    }
    return t
  }
  for (const e of entries) {
    const t = tallyOf(e.unitId)
    if (PARTICIPATED.includes(e.status)) t.participants++
    if (RECOMMENDED.includes(e.status)) t.recommended++
    if (e.status === 'finalist') t.finalists++
  }
  for (const g of grants) {
    const t = tallyOf(g.unitId)
    t.awardsByTier[g.tier] = (t.awardsByTier[g.tier] ?? 0) + 1
  }
  return [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([unitId, t]) => ({ unitId, ...t }))
}

export interface OrganizationStanding {
  readonly unitId: string
  readonly points: number
  readonly awardPoints: number
  readonly position: number
  readonly awarded: boolean
  readonly tally: UnitTally
}

/**
 * 组织奖 points, integers:
 *   participant × min(participants, participationCap)
 * + recommended × recommended entries
 * + finalist × finalists
 * + Σ tier points × awards of that tier (tiers not listed score 0).
 * A unit that recommended nobody is not eligible. Order: points, then award points, then finalists
 * (all descending), then unit id. The top `count` win; units tied with the last winner on points,
 * award points and finalists also win (the same boundary rule as entry awards).
 */
export function rankOrganizations(tallies: readonly UnitTally[], rules: CampaignRules['organizationAward']): OrganizationStanding[] {
  const scored = tallies.map((t) => {
    let awardPoints = 0
    for (const [tier, n] of Object.entries(t.awardsByTier)) awardPoints += (rules.points.tiers[tier] ?? 0) * n
    const points =
      rules.points.participant * Math.min(t.participants, rules.participationCap) +
      rules.points.recommended * t.recommended +
      rules.points.finalist * t.finalists +
      awardPoints
    return { unitId: t.unitId, points, awardPoints, tally: t }
  })
  scored.sort(
    (a, b) =>
      b.points - a.points ||
      b.awardPoints - a.awardPoints ||
      b.tally.finalists - a.tally.finalists ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)
  )
  const tied = (a: (typeof scored)[number], b: (typeof scored)[number]): boolean =>
    a.points === b.points && a.awardPoints === b.awardPoints && a.tally.finalists === b.tally.finalists
  let winners = 0
  let last: (typeof scored)[number] | undefined
  return scored.map((s, i) => {
    const eligible = s.tally.recommended > 0
    const awarded = eligible && (winners < rules.count || (last !== undefined && rules.count > 0 && tied(last, s)))
    if (awarded) {
      winners++
      last = s
    }
    return { ...s, position: i + 1, awarded }
  })
}
