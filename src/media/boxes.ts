import { UnreadableVideoError } from './errors'

/**
 * ISO BMFF box headers, read by hand: the top-level walk must decide what to fetch before any
 * parser sees a byte, and the `moov` pre-pass must bound what mp4box is asked to parse.
 */
export interface BoxHeader {
  type: string
  /** Offset of the box's first byte. */
  start: number
  headerSize: number
  /** Whole box, header included; a size-0 box ("to the end") is resolved against its container. */
  size: number
}

export const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))) >>> 0

export const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)

export const fourcc = (b: Uint8Array, at: number): string =>
  String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0)

export const isPrintableFourcc = (type: string): boolean => /^[\x20-\x7E]{4}$/.test(type)

export const writeFourcc = (b: Uint8Array, at: number, type: string): void => {
  for (let i = 0; i < 4; i++) b[at + i] = type.charCodeAt(i)
}

export type HeaderResult =
  | { kind: 'box'; box: BoxHeader }
  /** Fewer than a header's bytes were given. */
  | { kind: 'short' }
  /** A size smaller than its own header, or not a safe integer. */
  | { kind: 'invalid'; type: string }

/**
 * Parses the header at `at` in `bytes`, which hold the file from `base` on; `end` is where the
 * enclosing container (or the file) ends, in file offsets. Does not check the box fits in `end`.
 */
export const parseBoxHeader = (bytes: Uint8Array, at: number, base: number, end: number): HeaderResult => {
  if (bytes.length - at < 8) return { kind: 'short' }
  const start = base + at
  const size32 = u32(bytes, at)
  const type = fourcc(bytes, at + 4)
  let headerSize = 8
  let size = size32
  if (size32 === 1) {
    if (bytes.length - at < 16) return { kind: 'short' }
    const high = u32(bytes, at + 8)
    // Above 2^53 a size is not a number we can add safely, and no phone writes one.
    if (high >= 0x200000) return { kind: 'invalid', type }
    size = high * 0x100000000 + u32(bytes, at + 12)
    headerSize = 16
  } else if (size32 === 0) {
    size = end - start
  }
  if (size < headerSize) return { kind: 'invalid', type }
  return { kind: 'box', box: { type, start, headerSize, size } }
}

/** What the pre-pass reads itself from a track's `stbl`: sample tables and the first sample entry. */
export interface TrackTables {
  /** `stsz`/`stz2` sample count, or null without one. */
  sampleCount: number | null
  /** Sum of sample sizes in bytes, or null without `stsz`/`stz2`. */
  sampleBytes: number | null
  /** `stts` totals: samples and duration in media timescale units. */
  sttsCount: number
  sttsDuration: number
  /** `hdlr` handler type: 'vide', 'soun', … */
  handler: string | null
  /** First sample entry of `stsd`: its four-character code ('avc1', 'mp4a', …). */
  entryType: string | null
  /** Coded size from a visual sample entry's fixed fields (meaningless for audio). */
  entryWidth: number
  entryHeight: number
  /** MPEG-4 object type indication from an `mp4a` entry's `esds` (0x40 AAC, 0x6B MP3). */
  audioObjectType: number | null
}

export interface MoovScan {
  /**
   * A new, small `moov` holding only what mp4box may parse (mvhd, trak → tkhd, mdia → mdhd),
   * with container sizes recomputed: a few hundred bytes instead of the tables.
   */
  compact: Uint8Array<ArrayBuffer>
  /** Keyed by each `trak` box's offset inside `compact` (mp4box's `box.start`). */
  tracks: Map<number, TrackTables>
  hasMvex: boolean
  hasCmov: boolean
}

/**
 * What mp4box may parse, by parent: fixed-size headers only. Sample tables and sample
 * descriptions stay with the pre-pass: fuzzing found that mp4box 2.4.1 grows arrays to the sizes
 * tables claim (an `stsz` hidden inside a sample entry aborts the whole process with a V8 fatal
 * error, which no try/catch can stop).
 */
const MP4BOX_KEEP: Record<string, ReadonlySet<string>> = {
  moov: new Set(['mvhd', 'trak']),
  trak: new Set(['tkhd', 'mdia']),
  mdia: new Set(['mdhd'])
}

export interface ScanLimits {
  maxBoxes: number
}

const malformed = (detail: string): UnreadableVideoError => new UnreadableVideoError('malformed', detail)

/** A box with a plain 32-bit header around `parts`. */
const makeBox = (type: string, parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const size = 8 + parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(size)
  new DataView(out.buffer).setUint32(0, size)
  writeFourcc(out, 4, type)
  let at = 8
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

interface Kept {
  type: string
  bytes: Uint8Array
  tables: TrackTables | null
}

/**
 * Walks the `moov` box in `moov` (read only), checks every box on the path moov → trak → mdia →
 * minf → stbl fits its container, reads the handlers, sums the sample tables, reads the first
 * sample entries, and builds the compact `moov` mp4box is given.
 */
export const scanMoov = (moov: Uint8Array, limits: ScanLimits): MoovScan => {
  let hasMvex = false
  let hasCmov = false
  let boxes = 0

  const walk = (parent: string, from: number, to: number, tables: TrackTables | null): Kept[] => {
    const kept: Kept[] = []
    let at = from
    // 1–7 trailing bytes are QuickTime's zero terminator or padding; mp4box stops there too.
    while (to - at >= 8) {
      if (++boxes > limits.maxBoxes) throw malformed(`more than ${limits.maxBoxes} boxes in moov`)
      const header = parseBoxHeader(moov.subarray(0, to), at, 0, to)
      if (header.kind !== 'box') throw malformed(`bad box header in ${parent} at ${at}`)
      const box = header.box
      if (box.start + box.size > to) throw malformed(`${box.type} at ${at} overruns ${parent}`)
      const payload = moov.subarray(box.start + box.headerSize, box.start + box.size)
      if (parent === 'moov' && box.type === 'mvex') hasMvex = true
      if (parent === 'moov' && box.type === 'cmov') hasCmov = true
      if (parent === 'stbl' && tables !== null) readTable(box.type, payload, tables)
      // hdlr: version/flags, pre_defined, then the handler type.
      if (parent === 'mdia' && box.type === 'hdlr' && tables !== null && tables.handler === null && payload.length >= 12) {
        tables.handler = fourcc(payload, 8)
      }
      let children: Kept[] = []
      let inner = tables
      if (CONTAINER_PARENT[box.type] === parent) {
        if (box.type === 'trak') inner = emptyTables()
        children = walk(box.type, box.start + box.headerSize, box.start + box.size, inner)
      }
      if (MP4BOX_KEEP[parent]?.has(box.type) === true) {
        const parts = CONTAINER_PARENT[box.type] === parent ? children.map((c) => c.bytes) : [payload]
        kept.push({ type: box.type, bytes: makeBox(box.type, parts), tables: box.type === 'trak' ? inner : null })
      }
      at = box.start + box.size
    }
    return kept
  }

  const top = parseBoxHeader(moov, 0, 0, moov.length)
  if (top.kind !== 'box' || top.box.type !== 'moov' || top.box.size !== moov.length) throw malformed('moov header')
  const kept = walk('moov', top.box.headerSize, moov.length, null)
  const tracks = new Map<number, TrackTables>()
  let offset = 8
  for (const k of kept) {
    if (k.tables !== null) tracks.set(offset, k.tables)
    offset += k.bytes.length
  }
  return { compact: makeBox('moov', kept.map((k) => k.bytes)), tracks, hasMvex, hasCmov }
}

/** The containers the pre-pass walks, by where they must sit: a `trak` inside an `stbl` is not walked. */
const CONTAINER_PARENT: Record<string, string> = { trak: 'moov', mdia: 'trak', minf: 'mdia', stbl: 'minf' }

const emptyTables = (): TrackTables => ({
  sampleCount: null,
  sampleBytes: null,
  sttsCount: 0,
  sttsDuration: 0,
  handler: null,
  entryType: null,
  entryWidth: 0,
  entryHeight: 0,
  audioObjectType: null
})

/** Box headers directly inside `bytes` (at most `max`), stopping quietly at anything malformed. */
const childBoxes = (bytes: Uint8Array, from: number, max: number): BoxHeader[] => {
  const out: BoxHeader[] = []
  let at = from
  while (bytes.length - at >= 8 && out.length < max) {
    const header = parseBoxHeader(bytes, at, 0, bytes.length)
    if (header.kind !== 'box' || header.box.start + header.box.size > bytes.length) break
    out.push(header.box)
    at = header.box.start + header.box.size
  }
  return out
}

/** An MPEG-4 descriptor length: 1–4 bytes, 7 bits each. */
const descriptorLength = (b: Uint8Array, at: number): { length: number; next: number } | null => {
  let length = 0
  for (let i = 0; i < 4; i++) {
    const byte = b[at + i]
    if (byte === undefined) return null
    length = length * 128 + (byte & 0x7f)
    if ((byte & 0x80) === 0) return { length, next: at + i + 1 }
  }
  return null
}

/** Object type indication from an `esds` payload: ES_Descriptor → DecoderConfigDescriptor → OTI. */
const objectTypeOf = (esds: Uint8Array): number | null => {
  let at = 4 // version and flags
  if (esds[at] !== 0x03) return null
  const es = descriptorLength(esds, at + 1)
  if (es === null) return null
  at = es.next + 2 // ES_ID
  const flags = esds[at]
  if (flags === undefined) return null
  at += 1
  if ((flags & 0x80) !== 0) at += 2
  if ((flags & 0x40) !== 0) at += 1 + (esds[at] ?? 0)
  if ((flags & 0x20) !== 0) at += 2
  if (esds[at] !== 0x04) return null
  const dc = descriptorLength(esds, at + 1)
  return dc === null ? null : (esds[dc.next] ?? null)
}

/** `esds` of an `mp4a` entry (payload given): ISO puts it after 28 bytes; QuickTime v1/v2 after 44/64, often in `wave`. */
const audioObjectTypeOf = (entry: Uint8Array): number | null => {
  const version = u16(entry, 8)
  const childrenAt = version === 1 ? 44 : version === 2 ? 64 : 28
  for (const start of new Set([childrenAt, 28])) {
    for (const child of childBoxes(entry, start, 16)) {
      const payload = entry.subarray(child.start + child.headerSize, child.start + child.size)
      if (child.type === 'esds') return objectTypeOf(payload)
      if (child.type === 'wave') {
        const esds = childBoxes(payload, 0, 16).find((b) => b.type === 'esds')
        if (esds !== undefined) return objectTypeOf(payload.subarray(esds.start + esds.headerSize, esds.start + esds.size))
      }
    }
  }
  return null
}

/** The first entry of an `stsd` payload: type, visual size fields, and for `mp4a` the object type. */
const readSampleEntry = (p: Uint8Array, t: TrackTables): void => {
  if (p.length < 16 || u32(p, 4) === 0) return
  const header = parseBoxHeader(p, 8, 0, p.length)
  if (header.kind !== 'box' || header.box.start + header.box.size > p.length) throw malformed('stsd entry overruns stsd')
  const entry = p.subarray(header.box.start + header.box.headerSize, header.box.start + header.box.size)
  t.entryType = header.box.type
  // Visual sample entries (ISO and QuickTime alike) keep width and height at bytes 24–27.
  if (entry.length >= 28) {
    t.entryWidth = u16(entry, 24)
    t.entryHeight = u16(entry, 26)
  }
  if (header.box.type === 'mp4a') t.audioObjectType = audioObjectTypeOf(entry)
}

const readTable = (type: string, p: Uint8Array, t: TrackTables): void => {
  if (type === 'stsz' && t.sampleCount === null) {
    if (p.length < 12) throw malformed('short stsz')
    const constant = u32(p, 4)
    const count = u32(p, 8)
    if (constant !== 0) {
      t.sampleCount = count
      t.sampleBytes = constant * count
      return
    }
    if (12 + 4 * count > p.length) throw malformed('stsz entries overrun the box')
    let sum = 0
    for (let i = 0, at = 12; i < count; i++, at += 4) sum += u32(p, at)
    t.sampleCount = count
    t.sampleBytes = sum
  } else if (type === 'stz2' && t.sampleCount === null) {
    if (p.length < 12) throw malformed('short stz2')
    const bits = p[7] ?? 0
    const count = u32(p, 8)
    if (bits !== 4 && bits !== 8 && bits !== 16) throw malformed('stz2 field size')
    if (12 + Math.ceil((count * bits) / 8) > p.length) throw malformed('stz2 entries overrun the box')
    let sum = 0
    for (let i = 0; i < count; i++) {
      if (bits === 16) sum += u16(p, 12 + 2 * i)
      else if (bits === 8) sum += p[12 + i] ?? 0
      else sum += i % 2 === 0 ? (p[12 + (i >> 1)] ?? 0) >> 4 : (p[12 + (i >> 1)] ?? 0) & 15
    }
    t.sampleCount = count
    t.sampleBytes = sum
  } else if (type === 'stsd' && t.entryType === null) {
    readSampleEntry(p, t)
  } else if (type === 'stts' && t.sttsCount === 0 && t.sttsDuration === 0) {
    if (p.length < 8) throw malformed('short stts')
    const entries = u32(p, 4)
    if (8 + 8 * entries > p.length) throw malformed('stts entries overrun the box')
    for (let i = 0, at = 8; i < entries; i++, at += 8) {
      const count = u32(p, at)
      t.sttsCount += count
      t.sttsDuration += count * u32(p, at + 4)
    }
  }
}
