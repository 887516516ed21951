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

/** Everything an application service may use; the platform decides which adapters sit behind it. */
export interface Deps {
  db: Db
  clock: Clock
  storage: FileStorage
}

export const systemClock: Clock = { now: () => Date.now() }
