import type { ErrorCode, Failure } from '../errors'

/** One place to build a Failure, so every rule in this folder replies in the same shape. */
export function fail(code: ErrorCode, message: string, field?: string): Failure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }
}
