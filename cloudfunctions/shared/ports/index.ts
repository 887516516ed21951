import type { ContentCheckResult } from '../../../src/core/contest'
import type { Db } from '../db/schema'

/** The server's clock: deadlines are decided here, never on the phone. */
export interface Clock {
  now(): number
}

/** Where uploaded files live: a folder on disk locally, CloudBase cloud storage in production. */
export interface FileStorage {
  /** Size in bytes, or null when nothing is stored under that id. */
  size(fileId: string): Promise<number | null>
  /** Bytes [offset, offset + length) — ranged, so a video's header is read without its body. */
  read(fileId: string, offset: number, length: number): Promise<Uint8Array>
}

/**
 * Reads a text before it is kept: a local sensitive-word list by default, WeChat msgSecCheck in
 * production. An adapter may throw; the service turns any failure into `review`, never `pass`.
 */
export interface ContentCheck {
  check(text: string, context: { openid: string }): Promise<ContentCheckResult>
}

/** Everything an application service may use; the platform decides which adapters sit behind it. */
export interface Deps {
  db: Db
  clock: Clock
  storage: FileStorage
  /**
   * Optional so platforms and tests that never save a script need not build one; when it is absent,
   * every script is held for review (fail closed), never passed.
   */
  contentCheck?: ContentCheck
}

export const systemClock: Clock = { now: () => Date.now() }
