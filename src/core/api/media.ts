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

/** WeChat: a file the phone put into cloud storage, to be recorded as the caller's upload. */
export const MediaRegisterUploadInput = z
  .object({
    storageKey: z.string().regex(/^cloud:\/\/[^\s]{1,400}$/, '请提供云存储文件 ID（cloud://…）'),
    name: z.string().trim().min(1, '请提供文件名').max(200)
  })
  .strict()
export type MediaRegisterUploadInput = z.infer<typeof MediaRegisterUploadInput>

export interface RegisteredUpload {
  fileId: string
  size: number
}
