import { DEFAULT_RUBRIC, type RankingEntry, type RoundScore, type Standing } from '../../../src/core/contest'

/** Points → hundredths for readable hand-computed cases. */
export const h = (points: number): number => Math.round(points * 100)

export const scored = (points: number | null, judgeCount = 5): RoundScore =>
  points === null ? { score: null, judgeCount: 0, trimmed: false } : { score: h(points), judgeCount, trimmed: judgeCount >= 5 }

/** roundId → entryId → points, as the ranking's `roundScores`. */
export function roundScoreMaps(table: Record<string, Record<string, number | null>>): Map<string, Map<string, RoundScore>> {
  return new Map(
    Object.entries(table).map(([roundId, byEntry]) => [roundId, new Map(Object.entries(byEntry).map(([entryId, p]) => [entryId, scored(p)]))])
  )
}

export const entry = (entryId: string, submittedAt = 0, trackId = 't1', unitId = 'u1'): RankingEntry => ({ entryId, trackId, unitId, submittedAt })

/** A standing with only what awards look at, for hand-built award cases. */
export function standing(position: number, finalScore: number, tieBreakScore: number | null = finalScore, extra: Partial<Standing> = {}): Standing {
  return {
    entryId: `e${String(position).padStart(2, '0')}`,
    trackId: 't1',
    unitId: 'u1',
    submittedAt: position,
    group: '*',
    position,
    finalScore,
    tieBreakScore,
    roundScores: {},
    votes: null,
    voteScore: null,
    missingRounds: [],
    ...extra
  }
}

/** Splits a total (≤ 100, two decimals) over the default rubric (内容 40 / 表达 30 / 形象 10 / 效果 20), greedily. */
export function splitTotal(total: number): Record<string, number> {
  let left = h(total)
  const points: Record<string, number> = {}
  for (const c of DEFAULT_RUBRIC) {
    const p = Math.min(c.max * 100, left)
    points[c.id] = p / 100
    left -= p
  }
  return points
}
