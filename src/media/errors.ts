import { AppError, ErrorCode } from '../core/errors'
import { unreadableMessage, type UnreadableReason } from '../core/video/verdict'

/**
 * The bytes are not a readable MP4 (empty, truncated, random, another format, broken headers).
 * A verdict about the file, so it maps to VIDEO_REJECTED and to the `unreadable` rule.
 */
export class UnreadableVideoError extends AppError {
  constructor(
    readonly reason: UnreadableReason,
    /** Technical detail for logs; never shown to the speaker. */
    readonly detail?: string
  ) {
    super(ErrorCode.VIDEO_REJECTED, unreadableMessage(reason))
    this.name = 'UnreadableVideoError'
  }
}

/**
 * The source itself failed (missing file, storage or network error). Says nothing about the
 * video, so callers must not record a rejection for it: retry or report instead.
 */
export class VideoReadError extends AppError {
  constructor(
    message: string,
    code: ErrorCode = ErrorCode.INTERNAL,
    override readonly cause?: unknown
  ) {
    super(code, message)
    this.name = 'VideoReadError'
  }
}
