import { AppError, ErrorCode } from '../errors'
import type { RankingScope } from './campaign-rules'
import { divideRounded, NO_SCORE, type Hundredths, type RoundScore } from './scoring'

/** The group key when a campaign ranks all tracks together. */
export const OVERALL_GROUP = '*'

/** What ranking needs of an entry; services read it from the entry row. */
export interface RankingEntry {
  readonly entryId: string
  readonly trackId: string
  readonly unitId: string
  /** When the speaker submitted (epoch ms): the second tie-break. */
  readonly submittedAt: number
}

export interface WeightedRound {
  readonly roundId: string
  readonly weight: number
  /** The rubric's total in hundredths, to put every round on a 100-point scale. */
  readonly max: Hundredths
}

export interface RankingInput {
  readonly entries: readonly RankingEntry[]
  /** Rounds counted, in campaign order; the last one is the "final round" of the tie-break. */
  readonly rounds: readonly WeightedRound[]
  /** roundId → entryId → round score; a missing entry means nobody scored it yet. */
  readonly roundScores: ReadonlyMap<string, ReadonlyMap<string, RoundScore>>
  /** Audience votes, when the campaign counts them: weight and votes per entry. */
  readonly votes?: { readonly weight: number; readonly counts: ReadonlyMap<string, number> }
  readonly scope: RankingScope
}

export interface Standing {
  readonly entryId: string
  readonly trackId: string
  readonly unitId: string
  readonly submittedAt: number
  /** trackId, or OVERALL_GROUP. */
  readonly group: string
  /** 1-based place in the group; strictly increasing, ties are already broken. */
  readonly position: number
  /** Weighted score on a 100-point scale, in hundredths. */
  readonly finalScore: Hundredths
  /** The last counted round's score (its own scale): the first tie-break. Null when unscored. */
  readonly tieBreakScore: Hundredths | null
  readonly roundScores: Readonly<Record<string, Hundredths | null>>
  readonly votes: number | null
  /** Votes normalised to the group's best (100 points), in hundredths; null when votes do not count. */
  readonly voteScore: Hundredths | null
  /** Rounds nobody has scored yet; they count as 0 so an unscored entry cannot outrank a scored one. */
  readonly missingRounds: readonly string[]
}

export interface RankingGroup {
  readonly group: string
  readonly standings: readonly Standing[]
}

/**
 * The tie-break, deterministic and documented: higher final score, then higher score in the last
 * counted round (the live final), then earlier submission, then entry id (code-unit order).
 */
export function compareStandings(a: Omit<Standing, 'position'>, b: Omit<Standing, 'position'>): number {
  if (a.finalScore !== b.finalScore) return b.finalScore - a.finalScore
  const ta = a.tieBreakScore ?? -1
  const tb = b.tieBreakScore ?? -1
  if (ta !== tb) return tb - ta
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt
  return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0
}

/**
 * Equal on merit: same final score and same final-round score. Submission time and id only order
 * such entries for display; awards treat them as tied (see awards.ts).
 */
export function isMeritTie(a: Pick<Standing, 'finalScore' | 'tieBreakScore'>, b: Pick<Standing, 'finalScore' | 'tieBreakScore'>): boolean {
  return a.finalScore === b.finalScore && a.tieBreakScore === b.tieBreakScore
}

/**
 * Ranks entries per track or overall. Each round score is scaled to 100 points (rounded to a hundredth),
 * votes are scaled so the group's most-voted entry has 100, and the final score is the weighted mean of
 * those components, rounded half up to a hundredth.
 */
export function rankEntries(input: RankingInput): RankingGroup[] {
  const voteWeight = input.votes?.weight ?? 0
  const totalWeight = input.rounds.reduce((s, r) => s + r.weight, 0) + voteWeight
  if (!(totalWeight > 0)) throw new AppError(ErrorCode.BAD_REQUEST, '各轮次与观众投票的权重之和须大于 0', 'rules.rounds')
  for (const r of input.rounds) {
    if (!(r.max > 0)) throw new AppError(ErrorCode.BAD_REQUEST, `评审轮次「${r.roundId}」的满分须大于 0`, 'rules.rounds')
  }
  const tieRound = input.rounds[input.rounds.length - 1]

  const byGroup = new Map<string, RankingEntry[]>()
  const ids = new Set<string>()
  for (const e of input.entries) {
    if (ids.has(e.entryId)) throw new AppError(ErrorCode.CONFLICT, `作品 ${e.entryId} 重复出现在排名中`, 'entries')
    ids.add(e.entryId)
    const group = input.scope === 'track' ? e.trackId : OVERALL_GROUP
    const list = byGroup.get(group)
    if (list === undefined) byGroup.set(group, [e])
    else list.push(e)
  }

  const result: RankingGroup[] = []
  for (const group of [...byGroup.keys()].sort()) {
    const members = byGroup.get(group) ?? []
    let maxVotes = 0
    if (input.votes !== undefined) {
      for (const e of members) maxVotes = Math.max(maxVotes, input.votes.counts.get(e.entryId) ?? 0)
    }
    const scored = members.map((e): Omit<Standing, 'position'> => {
      let weighted = 0
      const roundScores: Record<string, Hundredths | null> = {}
      const missingRounds: string[] = []
      for (const r of input.rounds) {
        const score = (input.roundScores.get(r.roundId)?.get(e.entryId) ?? NO_SCORE).score
        roundScores[r.roundId] = score
        if (score === null) missingRounds.push(r.roundId)
        else weighted += r.weight * divideRounded(score * 10000, r.max)
      }
      let votes: number | null = null
      let voteScore: Hundredths | null = null
      if (input.votes !== undefined) {
        votes = input.votes.counts.get(e.entryId) ?? 0
        voteScore = maxVotes === 0 ? 0 : divideRounded(votes * 10000, maxVotes)
        weighted += voteWeight * voteScore
      }
      return {
        entryId: e.entryId,
        trackId: e.trackId,
        unitId: e.unitId,
        submittedAt: e.submittedAt,
        group,
        finalScore: divideRounded(weighted, totalWeight),
        tieBreakScore: tieRound === undefined ? null : (roundScores[tieRound.roundId] ?? null),
        roundScores,
        votes,
        voteScore,
        missingRounds
      }
    })
    scored.sort(compareStandings)
    result.push({ group, standings: scored.map((s, i) => ({ ...s, position: i + 1 })) })
  }
  return result
}
