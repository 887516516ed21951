import { outcomeFromMsgSecCheck, type ContentCheckResult } from '../../../src/core/contest'
import type { ContentCheck } from '../ports'

/** The slice of `cloud.openapi.security` we call (wx-server-sdk). */
export interface MsgSecCheckApi {
  msgSecCheck(options: { content: string; version: 2; scene: number; openid: string }): Promise<unknown>
}

/** msgSecCheck takes at most 2500 characters a call; a 2200-字 script with punctuation can exceed it. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500
/** Scene 3 (论坛): long public text, the closest of WeChat's scenes to a published speech. */
const SCENE_FORUM = 3

export function chunkText(text: string, size: number): string[] {
  const chars = [...text]
  const chunks: string[] = []
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(''))
  return chunks.length > 0 ? chunks : ['']
}

/**
 * WeChat `security.msgSecCheck` (v2) as a content-check port. Every chunk must pass; one risky chunk
 * rejects, one doubtful chunk holds the script. The SDK throws on a non-zero errcode; that error is
 * read the same way as a reply, so 87014 rejects and anything else goes to review.
 */
export function wechatContentCheck(api: MsgSecCheckApi): ContentCheck {
  return {
    async check(text, { openid }) {
      let held: ContentCheckResult | null = null
      for (const content of chunkText(text, MSG_SEC_CHECK_MAX_CHARS)) {
        let reply: unknown
        try {
          reply = await api.msgSecCheck({ content, version: 2, scene: SCENE_FORUM, openid })
        } catch (error) {
          reply = error
        }
        const result = outcomeFromMsgSecCheck(reply)
        if (result.outcome === 'reject') return result
        if (result.outcome === 'review') held ??= result
      }
      return held ?? { outcome: 'pass', reason: '内容检查通过' }
    }
  }
}
