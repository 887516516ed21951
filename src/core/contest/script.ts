import { z } from 'zod'
import type { CampaignRules } from './campaign-rules'

/**
 * How long a script is, counted the way a reader reads it: every letter or digit is one character —
 * each CJK ideograph, each Latin letter, each digit (Unicode categories L and N). Whitespace,
 * punctuation, symbols and emoji are not read aloud, so they count neither towards the limit nor the
 * reading time. This is slightly below Word's 字符数(不计空格), which also counts punctuation.
 */
const READ_CHAR = /[\p{L}\p{N}]/u
const PUNCTUATION = /[\p{P}\p{S}]/u

export interface ScriptCount {
  /** Letters and digits: what the limit and the reading time use. */
  readonly chars: number
  /** Punctuation and symbols, reported so a speaker can reconcile with Word's count. */
  readonly punctuation: number
}

export function countScript(text: string): ScriptCount {
  let chars = 0
  let punctuation = 0
  for (const ch of text) {
    if (READ_CHAR.test(ch)) chars++
    else if (PUNCTUATION.test(ch)) punctuation++
  }
  return { chars, punctuation }
}

/** Reading time in whole seconds at `charsPerMinute`, rounded up: a speaker never finishes early on paper. */
export function estimateSeconds(chars: number, charsPerMinute: number): number {
  return Math.ceil((chars * 60) / charsPerMinute)
}

export type ScriptProblemCode = 'EMPTY' | 'TOO_MANY_CHARS' | 'TOO_LONG'

export interface ScriptProblem {
  readonly code: ScriptProblemCode
  readonly message: string
}

export interface ScriptVerdict {
  readonly ok: boolean
  readonly chars: number
  readonly punctuation: number
  readonly seconds: number
  readonly problems: readonly ScriptProblem[]
}

const minutesAndSeconds = (seconds: number): string =>
  seconds % 60 === 0 ? `${seconds / 60} 分钟` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`

/** The length verdict of a script under a campaign's limits, with the reasons in Chinese. */
export function checkScript(text: string, limits: CampaignRules['script']): ScriptVerdict {
  const { chars, punctuation } = countScript(text)
  const seconds = estimateSeconds(chars, limits.charsPerMinute)
  const problems: ScriptProblem[] = []
  if (chars === 0) problems.push({ code: 'EMPTY', message: '讲稿不能为空' })
  if (chars > limits.maxChars) {
    problems.push({ code: 'TOO_MANY_CHARS', message: `讲稿共 ${chars} 字，超过上限 ${limits.maxChars} 字，请删减 ${chars - limits.maxChars} 字` })
  }
  if (seconds > limits.maxMinutes * 60) {
    problems.push({
      code: 'TOO_LONG',
      message: `按每分钟 ${limits.charsPerMinute} 字估算，朗读约需 ${minutesAndSeconds(seconds)}，超过 ${limits.maxMinutes} 分钟上限`
    })
  }
  return { ok: problems.length === 0, chars, punctuation, seconds, problems }
}

/**
 * The content check's answer. `review` holds the script for a person to read; it is also the answer
 * whenever the check itself fails, so an outage never lets a script through.
 */
export type ContentCheckOutcome = 'pass' | 'reject' | 'review'

export interface ContentCheckResult {
  readonly outcome: ContentCheckOutcome
  /** Why, in Chinese, for the speaker (reject) or the reviewer (review). */
  readonly reason: string
  /** Words the local list matched, for the reviewer. */
  readonly matched?: readonly string[]
}

/** Spaces and punctuation inserted between characters must not hide a listed word. */
const normalizeForMatch = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')

/** The local sensitive-word list, the embedded default of the content-check port. */
export function localContentCheck(text: string, words: readonly string[]): ContentCheckResult {
  const haystack = normalizeForMatch(text)
  const matched = words.filter((w) => {
    const needle = normalizeForMatch(w)
    return needle !== '' && haystack.includes(needle)
  })
  return matched.length === 0
    ? { outcome: 'pass', reason: '内容检查通过' }
    : { outcome: 'reject', reason: '讲稿含有不宜发布的内容，请修改后重新保存', matched }
}

const MsgSecCheckReply = z.object({
  errcode: z.number().optional(),
  errCode: z.number().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().optional() }).optional()
})

/** WeChat's "content is risky" code in the v1 API (thrown as an error by the SDK). */
const RISKY_V1 = 87014

/**
 * Maps whatever `security.msgSecCheck` (v2) gave back — a reply, or the error it threw — to an outcome.
 * Only an explicit `suggest: 'pass'` with errcode 0 passes; anything unexpected goes to review.
 */
export function outcomeFromMsgSecCheck(reply: unknown): ContentCheckResult {
  const parsed = MsgSecCheckReply.safeParse(reply)
  if (!parsed.success) return { outcome: 'review', reason: '内容检查服务返回异常，已转人工复核' }
  const code = parsed.data.errcode ?? parsed.data.errCode
  if (code === RISKY_V1) return { outcome: 'reject', reason: '讲稿含有不宜发布的内容，请修改后重新保存' }
  if (code !== 0 || parsed.data.result === undefined) {
    return { outcome: 'review', reason: '内容检查服务调用失败，已转人工复核' }
  }
  switch (parsed.data.result.suggest) {
    case 'pass':
      return { outcome: 'pass', reason: '内容检查通过' }
    case 'risky':
      return { outcome: 'reject', reason: '讲稿含有不宜发布的内容，请修改后重新保存' }
    case 'review':
      return { outcome: 'review', reason: '内容需人工复核' }
  }
}

/** Runs a content-check call and never lets a failure through: a throw or rejection becomes `review`. */
export async function guardContentCheck(call: () => Promise<ContentCheckResult>): Promise<ContentCheckResult> {
  try {
    return await call()
  } catch {
    return { outcome: 'review', reason: '内容检查服务调用失败，已转人工复核' }
  }
}
