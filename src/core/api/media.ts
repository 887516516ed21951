import { z } from 'zod'
import type { VideoFacts, VideoVerdict } from '../video'

export const MediaVerifyInput = z.object({ entryId: z.string().min(1, '请指定参赛作品').max(40) }).strict()
export type MediaVerifyInput = z.infer<typeof MediaVerifyInput>

/** What the cloud read from the stored file's header boxes, and the campaign's VideoSpec verdict on it. */
export interface VideoVerification {
  entryId: string
  fileId: string
  /** Null when the stored file is not a readable MP4. */
  facts: VideoFacts | null
  verdict: VideoVerdict
  verifiedAt: number
}
