import type { ByteSource } from '../../../src/media'

export interface Read {
  offset: number
  length: number
}

/** A source that records every read, to check what the reader fetched. */
export const tracked = (inner: ByteSource): { source: ByteSource; reads: Read[]; bytes: () => number } => {
  const reads: Read[] = []
  return {
    reads,
    bytes: () => reads.reduce((sum, r) => sum + r.length, 0),
    source: {
      size: () => inner.size(),
      read: async (offset, length) => {
        const out = await inner.read(offset, length)
        reads.push({ offset, length: out.length })
        return out
      }
    }
  }
}

export interface BoxAt {
  type: string
  start: number
  size: number
  headerSize: number
}

const u32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at)
const type = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4))

/** Where a container's children start, past its own fields. */
const CHILDREN_AT: Record<string, number> = {
  moov: 0,
  trak: 0,
  mdia: 0,
  minf: 0,
  stbl: 0,
  edts: 0,
  dinf: 0,
  udta: 0,
  stsd: 8,
  dref: 8,
  avc1: 78,
  hvc1: 78,
  mp4a: 28
}

/** Every box of a well-formed file, depth first: the places worth mutating. */
export const listBoxes = (file: Uint8Array): BoxAt[] => {
  const out: BoxAt[] = []
  const walk = (from: number, to: number): void => {
    let at = from
    while (to - at >= 8) {
      let size = u32(file, at)
      const t = type(file, at + 4)
      let headerSize = 8
      if (size === 1) {
        size = u32(file, at + 8) * 2 ** 32 + u32(file, at + 12)
        headerSize = 16
      } else if (size === 0) size = to - at
      if (size < headerSize || at + size > to) return
      out.push({ type: t, start: at, size, headerSize })
      const skip = CHILDREN_AT[t]
      if (skip !== undefined) walk(at + headerSize + skip, at + size)
      at += size
    }
  }
  walk(0, file.length)
  return out
}

/** ftyp + free + moov of a faststart file: a complete header without the media. */
export const headerOnly = (file: Uint8Array): Uint8Array => {
  const moov = listBoxes(file).find((b) => b.type === 'moov')
  if (moov === undefined) throw new Error('no moov')
  return file.slice(0, moov.start + moov.size)
}

export const box = (kind: string, payload: Uint8Array | number[] = []): Uint8Array => {
  const body = payload instanceof Uint8Array ? payload : Uint8Array.from(payload)
  const out = new Uint8Array(8 + body.length)
  new DataView(out.buffer).setUint32(0, out.length)
  out.set(Array.from(kind, (c) => c.charCodeAt(0)), 4)
  out.set(body, 8)
  return out
}

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
