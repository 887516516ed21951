import type { ErrorCode } from '../core/errors'
import { CallError } from '../services/cloud'

/** What went wrong with a cloud call, as a page shows it: the cloud's code, its Chinese message, the field. */
export interface Problem {
  code: ErrorCode
  message: string
  field?: string
}

/** A one-line message under a page's header after an action: what happened, or why not. */
export interface Notice {
  kind: 'success' | 'error'
  text: string
}

export function problemOf(e: unknown, fallback = '操作失败，请稍后重试'): Problem {
  if (e instanceof CallError) return e.field === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, field: e.field }
  return { code: 'INTERNAL', message: fallback }
}

export const messageOf = (e: unknown, fallback = '加载失败，请稍后重试'): string => problemOf(e, fallback).message

export const errorNotice = (e: unknown): Notice => ({ kind: 'error', text: problemOf(e).message })
export const successNotice = (text: string): Notice => ({ kind: 'success', text })

/** Reads a result that may legitimately not exist yet (e.g. results before publishing): NOT_FOUND → null. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise
  } catch (e) {
    if (e instanceof CallError && e.code === 'NOT_FOUND') return null
    throw e
  }
}

/**
 * Runs a user's action with a busy marker, and leaves its outcome as the page's notice: the work's own
 * success notice, or the cloud's reason why not. Stores share it so every action page behaves alike.
 */
export async function runWithNotice<B>(
  set: (partial: { busy: B | null; notice: Notice | null }) => void,
  busy: B,
  work: () => Promise<Notice>
): Promise<void> {
  set({ busy, notice: null })
  let notice: Notice
  try {
    notice = await work()
  } catch (e) {
    notice = errorNotice(e)
  }
  set({ busy: null, notice })
}
