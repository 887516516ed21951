import { AppError, ErrorCode, ok, type Result } from '../errors'
import { assignAwards, type AwardGrant } from './awards'
import { roundsOfStage, type CampaignRules, type Round } from './campaign-rules'
import type { EntryStatus } from './entry-status'
import { fail } from './fail'
import { rankOrganizations, tallyUnits, type OrganizationStanding } from './organization-award'
import { rankEntries, type RankingEntry, type RankingGroup, type WeightedRound } from './ranking'
import { computeRoundScores, rubricMax, type RoundScore, type ScoreSheet } from './scoring'

/** A score sheet as stored: one judge, one entry, one round. */
export interface RoundSheet extends ScoreSheet {
  readonly roundId: string
}

/** Round scores of every round of the campaign, from all stored sheets. */
export function computeAllRoundScores(rules: CampaignRules, sheets: readonly RoundSheet[]): Result<Map<string, Map<string, RoundScore>>> {
  const byRound = new Map<string, RoundSheet[]>(rules.rounds.map((r) => [r.id, []]))
  for (const s of sheets) {
    const list = byRound.get(s.roundId)
    if (list === undefined) return fail(ErrorCode.BAD_REQUEST, `评审轮次「${s.roundId}」不存在`, 'sheets')
    list.push(s)
  }
  const out = new Map<string, Map<string, RoundScore>>()
  for (const round of rules.rounds) {
    const scores = computeRoundScores(round.rubric, byRound.get(round.id) ?? [])
    if (!scores.ok) return scores
    out.set(round.id, scores.data)
  }
  return ok(out)
}

const weighted = (rounds: readonly Round[], equalWhenAllZero: boolean): WeightedRound[] => {
  const allZero = rounds.every((r) => r.weight === 0)
  return rounds.map((r) => ({ roundId: r.id, weight: allZero && equalWhenAllZero ? 1 : r.weight, max: rubricMax(r.rubric) }))
}

function rank(run: () => RankingGroup[]): Result<RankingGroup[]> {
  try {
    return ok(run())
  } catch (e) {
    if (e instanceof AppError) return e.toFailure()
    throw e
  }
}

export interface SemifinalData {
  /** The recommended entries. */
  readonly entries: readonly RankingEntry[]
  readonly sheets: readonly RoundSheet[]
}

/**
 * The semifinal ranking: semifinal rounds only, by their weights (equal weights when the campaign
 * gave them all 0, i.e. the final score ignores them), per track or overall as `finalists.scope`.
 */
export function rankSemifinal(rules: CampaignRules, data: SemifinalData): Result<RankingGroup[]> {
  const scores = computeAllRoundScores(rules, data.sheets)
  if (!scores.ok) return scores
  return rank(() =>
    rankEntries({ entries: data.entries, rounds: weighted(roundsOfStage(rules, 'semifinal'), true), roundScores: scores.data, scope: rules.finalists.scope })
  )
}

export interface FinalistSelection {
  readonly group: string
  readonly entryIds: readonly string[]
}

/**
 * The top N of each group go to the final, exactly N: the live final has a fixed number of places, so
 * here the full tie-break (final-round score, then earlier submission, then id) decides the last place.
 */
export function selectFinalists(groups: readonly RankingGroup[], rules: CampaignRules['finalists']): FinalistSelection[] {
  return groups.map((g) => {
    const n = rules.scope === 'track' ? (rules.countByTrack[g.group] ?? rules.count) : rules.count
    return { group: g.group, entryIds: g.standings.slice(0, n).map((s) => s.entryId) }
  })
}

export interface FinalData {
  /** The finalists. */
  readonly entries: readonly RankingEntry[]
  readonly sheets: readonly RoundSheet[]
  /** Votes per entry; used only when the campaign counts votes in the final score. */
  readonly votes?: ReadonlyMap<string, number>
}

/** The final ranking: every round by its weight, plus votes if the campaign says so, per `awards.scope`. */
export function rankFinal(rules: CampaignRules, data: FinalData): Result<RankingGroup[]> {
  const scores = computeAllRoundScores(rules, data.sheets)
  if (!scores.ok) return scores
  const votes = rules.votes.countsInFinal ? { weight: rules.votes.weight, counts: data.votes ?? new Map<string, number>() } : undefined
  return rank(() =>
    rankEntries({
      entries: data.entries,
      rounds: weighted(rules.rounds, false),
      roundScores: scores.data,
      ...(votes === undefined ? {} : { votes }),
      scope: rules.awards.scope
    })
  )
}

/** Plain data, JSON-safe: the service stores it as the frozen published snapshot. */
export interface ResultsSnapshot {
  readonly ranking: readonly RankingGroup[]
  readonly awards: readonly AwardGrant[]
  readonly organizations: readonly OrganizationStanding[]
}

export interface ResultsData extends FinalData {
  /** Every entry of the campaign with its status, for the 组织奖 tally. */
  readonly allEntries: readonly { readonly entryId: string; readonly unitId: string; readonly status: EntryStatus }[]
}

/** Final ranking, awards and 组织奖 in one pass: what "publish results" freezes. */
export function buildResults(rules: CampaignRules, data: ResultsData): Result<ResultsSnapshot> {
  const ranking = rankFinal(rules, data)
  if (!ranking.ok) return ranking
  const awards = assignAwards(ranking.data, rules.awards)
  const organizations = rankOrganizations(tallyUnits(data.allEntries, awards), rules.organizationAward)
  return ok({ ranking: ranking.data, awards, organizations })
}
