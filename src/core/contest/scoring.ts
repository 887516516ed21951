import { ErrorCode, ok, type Failure, type Result } from '../errors'
import type { Criterion } from './campaign-rules'
import { fail } from './fail'

/**
 * Score arithmetic is integer: every score is held in hundredths of a point (87.25 分 = 8725), so sums
 * are exact and the same on the phone, in a function and in the database. A judge may give up to two
 * decimals per criterion. Each division (a mean, a weighting) rounds half up to a whole hundredth,
 * once, at the step where it happens — never a float carried across steps.
 */
export type Hundredths = number

/** Division of non-negative integers, rounded half up. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** Points as a judge typed them → hundredths, or null when not a finite number with ≤ 2 decimals. */
export function toHundredths(points: number): Hundredths | null {
  if (!Number.isFinite(points)) return null
  const h = Math.round(points * 100)
  return Math.abs(h - points * 100) < 1e-6 ? h : null
}

/** 8725 → "87.25", the only way a score is shown. */
export function formatPoints(h: Hundredths): string {
  const sign = h < 0 ? '-' : ''
  const abs = Math.abs(h)
  const cents = abs % 100
  return `${sign}${Math.floor(abs / 100)}.${cents < 10 ? '0' : ''}${cents}`
}

export function rubricMax(rubric: readonly Criterion[]): Hundredths {
  return rubric.reduce((s, c) => s + c.max * 100, 0)
}

/** One judge's sheet for one entry in one round: points per criterion id. */
export interface ScoreSheet {
  readonly entryId: string
  readonly judgeOpenid: string
  readonly points: Readonly<Record<string, unknown>>
}

export interface ValidSheet {
  readonly points: Readonly<Record<string, Hundredths>>
  readonly total: Hundredths
}

/**
 * Checks a sheet against the rubric. A score outside 0…max is refused, never clamped: a judge who typed
 * 45 for a 40-point criterion meant something else, and must say what.
 */
export function validateScoreSheet(rubric: readonly Criterion[], points: Readonly<Record<string, unknown>>): Result<ValidSheet> {
  const out: Record<string, Hundredths> = {}
  const total = sheetTotal(rubric, points, out)
  return typeof total === 'number' ? ok({ points: out, total }) : total
}

/**
 * The total of a sheet in hundredths, or the Failure naming the first wrong criterion. Kept free of
 * allocations on the happy path: ranking runs it for every sheet of a round (30,000 in the benchmark).
 */
function sheetTotal(rubric: readonly Criterion[], points: Readonly<Record<string, unknown>>, out?: Record<string, Hundredths>): number | Failure {
  let total = 0
  for (const c of rubric) {
    const raw = points[c.id]
    if (raw === undefined || raw === null) return fail(ErrorCode.BAD_REQUEST, `请为「${c.name}」打分`, `points.${c.id}`)
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(ErrorCode.BAD_REQUEST, `「${c.name}」的得分须为数字`, `points.${c.id}`)
    const h = toHundredths(raw)
    if (h === null) return fail(ErrorCode.BAD_REQUEST, `「${c.name}」的得分最多保留两位小数`, `points.${c.id}`)
    if (h < 0 || h > c.max * 100) return fail(ErrorCode.BAD_REQUEST, `「${c.name}」的得分须在 0 到 ${c.max} 分之间`, `points.${c.id}`)
    if (out !== undefined) out[c.id] = h
    total += h
  }
  // Every criterion is present, so any key beyond the rubric's count is one the rubric does not have.
  let keys = 0
  for (const key in points) if (Object.prototype.hasOwnProperty.call(points, key)) keys++
  if (keys !== rubric.length) {
    const unknown = Object.keys(points).find((k) => !rubric.some((c) => c.id === k)) ?? ''
    return fail(ErrorCode.BAD_REQUEST, `评分项「${unknown}」不在本轮评分标准中`, `points.${unknown}`)
  }
  return total
}

/** With this many judges or more, one highest and one lowest total are dropped. */
export const TRIM_MIN_JUDGES = 5

export interface RoundScore {
  /** Null when no judge has scored the entry in this round yet. */
  readonly score: Hundredths | null
  readonly judgeCount: number
  readonly trimmed: boolean
}

export const NO_SCORE: RoundScore = { score: null, judgeCount: 0, trimmed: false }

/**
 * The round score from the judges' totals that exist: drop one highest and one lowest with ≥ 5 judges,
 * else the plain mean. A judge who has not scored is simply absent; nobody waits for them.
 */
export function aggregateRoundScore(totals: readonly Hundredths[]): RoundScore {
  const n = totals.length
  if (n === 0) return NO_SCORE
  let sum = 0
  let hi = -Infinity
  let lo = Infinity
  for (const t of totals) {
    sum += t
    if (t > hi) hi = t
    if (t < lo) lo = t
  }
  if (n >= TRIM_MIN_JUDGES) return { score: divideRounded(sum - hi - lo, n - 2), judgeCount: n, trimmed: true }
  return { score: divideRounded(sum, n), judgeCount: n, trimmed: false }
}

/**
 * Round scores of every entry scored in a round. The sheets are stored data, so a sheet that breaks the
 * rubric or a judge scoring an entry twice is an error to surface, not to average away.
 */
export function computeRoundScores(rubric: readonly Criterion[], sheets: readonly ScoreSheet[]): Result<Map<string, RoundScore>> {
  const byEntry = new Map<string, { judges: string[]; totals: number[] }>()
  for (const sheet of sheets) {
    const total = sheetTotal(rubric, sheet.points)
    if (typeof total !== 'number') return total
    const scored = byEntry.get(sheet.entryId)
    if (scored === undefined) {
      byEntry.set(sheet.entryId, { judges: [sheet.judgeOpenid], totals: [total] })
      continue
    }
    if (scored.judges.includes(sheet.judgeOpenid)) {
      return fail(ErrorCode.CONFLICT, `评委对作品 ${sheet.entryId} 在本轮有重复评分`, 'sheets')
    }
    scored.judges.push(sheet.judgeOpenid)
    scored.totals.push(total)
  }
  const scores = new Map<string, RoundScore>()
  for (const [entryId, scored] of byEntry) scores.set(entryId, aggregateRoundScore(scored.totals))
  return ok(scores)
}

/** A judge scores an entry once per round (`score.submit`) and changes it with `score.revise` until the round closes. */
export function checkScoreWrite(action: 'score.submit' | 'score.revise', hasSheet: boolean): Result<null> {
  if (action === 'score.submit' && hasSheet) return fail(ErrorCode.CONFLICT, '您已为该作品评过分，如需修改请使用“修改评分”')
  if (action === 'score.revise' && !hasSheet) return fail(ErrorCode.NOT_FOUND, '您尚未为该作品评分，无法修改')
  return ok(null)
}
