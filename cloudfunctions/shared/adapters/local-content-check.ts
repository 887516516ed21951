import { readFileSync } from 'node:fs'
import { localContentCheck } from '../../../src/core/contest'
import type { ContentCheck } from '../ports'

/**
 * The embedded default's list: a few words no micro-lecture script should carry. Deployments that
 * run locally for real put their own list in a file (SENSITIVE_WORDS_FILE), one word a line.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = ['赌博网站', '网络赌博', '六合彩', '代开发票', '枪支出售', '毒品交易', '色情服务', '裸聊']

/** Words from a text file: one a line; blank lines and lines starting with `#` are skipped. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** The local sensitive-word list as a content-check port. */
export function localWordListCheck(words: readonly string[] = DEFAULT_SENSITIVE_WORDS): ContentCheck {
  const list = [...words]
  return { check: async (text) => localContentCheck(text, list) }
}

/**
 * The list the local runner uses: SENSITIVE_WORDS_FILE when set, else the default list. A file that
 * cannot be read stops the start, so nobody runs believing their list is in force when it is not.
 */
export function localContentCheckFromEnv(env: Record<string, string | undefined> = process.env): ContentCheck {
  const file = env.SENSITIVE_WORDS_FILE
  if (file === undefined || file === '') return localWordListCheck()
  return localWordListCheck(parseWordList(readFileSync(file, 'utf8')))
}
