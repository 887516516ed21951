/**
 * Stable error codes shared by the phone and the cloud. A reply is `{ ok: false, code, message }`
 * with a Chinese `message` a phone can show as it is; codes never change meaning once shipped.
 */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STAGE_CLOSED: 'STAGE_CLOSED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  VOTE_LIMIT: 'VOTE_LIMIT',
  CONTENT_REJECTED: 'CONTENT_REJECTED',
  VIDEO_REJECTED: 'VIDEO_REJECTED',
  INTERNAL: 'INTERNAL'
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface Failure {
  ok: false
  code: ErrorCode
  message: string
  /** The offending field, dotted (`form.phone`), when one field is to blame. */
  field?: string
}

export interface Success<T> {
  ok: true
  data: T
}

export type Result<T> = Success<T> | Failure

/** A rule broken on purpose by the caller; services throw it, entries turn it into a Failure. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string
  ) {
    super(message)
    this.name = 'AppError'
  }

  toFailure(): Failure {
    return this.field === undefined
      ? { ok: false, code: this.code, message: this.message }
      : { ok: false, code: this.code, message: this.message, field: this.field }
  }
}

export const ok = <T>(data: T): Success<T> => ({ ok: true, data })
