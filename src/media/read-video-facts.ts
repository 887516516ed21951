import { AppError, ErrorCode } from '../core/errors'
// The zod-free modules of core/video: judging a file must not load zod (CLI start-up, phone chunk).
import type { VideoContainer, VideoFacts } from '../core/video/facts'
import { DEFAULT_VIDEO_SPEC, type VideoSpec } from '../core/video/spec'
import { evaluateVideo, unreadableVerdict, type VideoVerdict } from '../core/video/verdict'
import { fourcc, isPrintableFourcc, parseBoxHeader, type BoxHeader } from './boxes'
import type { ByteSource } from './byte-source'
import { UnreadableVideoError, VideoReadError } from './errors'
import { factsFromMoov } from './moov'

export interface ReadLimits {
  /** First read at offset 0: `ftyp`, the next headers, and often all of a faststart `moov`. */
  headBytes: number
  /** A larger `moov` is refused: a 10-minute phone video has ~0.3 MiB, 2 hours at 60 fps ~6 MiB. */
  maxMoovBytes: number
  /** `ftyp` holds a handful of brands; more is not an MP4 we want to parse. */
  maxFtypBytes: number
  /** Top-level boxes walked before giving up on finding `moov`. */
  maxTopLevelBoxes: number
  /** Boxes walked inside `moov`. */
  maxMoovBoxes: number
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  headBytes: 16 * 1024,
  maxMoovBytes: 16 * 1024 * 1024,
  maxFtypBytes: 4096,
  maxTopLevelBoxes: 1024,
  maxMoovBoxes: 20_000
})

/** Read past the end of moov with it, so the next box headers (free, mdat) cost no extra request. */
const MOOV_LOOKAHEAD = 64

/** The most bytes `readVideoFacts` can fetch under these limits: the head, one header per box, ftyp, moov. */
export const maxBytesRead = (limits: ReadLimits = DEFAULT_READ_LIMITS): number =>
  limits.headBytes + limits.maxTopLevelBoxes * 16 + limits.maxFtypBytes + limits.maxMoovBytes + MOOV_LOOKAHEAD

/** The most `read` calls it can make: the head, one per top-level box, and ftyp and moov. */
export const maxReads = (limits: ReadLimits = DEFAULT_READ_LIMITS): number => limits.maxTopLevelBoxes + 3

/** What a real MP4 or QuickTime file can start with; anything else is not one. */
const FIRST_BOX_TYPES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid'])

const ISO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'XAVC',
  'dash'
])

interface Ftyp {
  major: string
  compatible: string[]
}

/** Classic QuickTime files have no `ftyp` at all; that alone makes them 'mov'. */
export const containerOf = (ftyp: Ftyp | null): VideoContainer => {
  if (ftyp === null) return 'mov'
  const { major, compatible } = ftyp
  if (major === 'qt  ') return 'mov'
  if (major.startsWith('3g')) return '3gp'
  if (ISO_BRANDS.has(major)) return 'mp4'
  if (compatible.includes('qt  ')) return 'mov'
  if (compatible.some((b) => ISO_BRANDS.has(b))) return 'mp4'
  return 'other'
}

const parseFtyp = (box: Uint8Array): Ftyp => {
  const compatible: string[] = []
  for (let at = 16; at + 4 <= box.length; at += 4) compatible.push(fourcc(box, at))
  return { major: fourcc(box, 8), compatible }
}

/** Counts what we fetch and insists a source keeps its contract. */
class Reader {
  bytesRead = 0
  reads = 0

  constructor(
    private readonly source: ByteSource,
    readonly fileSize: number
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    const wanted = Math.max(0, Math.min(length, this.fileSize - offset))
    if (wanted === 0) return new Uint8Array(0)
    this.reads++
    let bytes: Uint8Array
    try {
      bytes = await this.source.read(offset, wanted)
    } catch (cause) {
      throw asReadError(cause)
    }
    if (!(bytes instanceof Uint8Array)) throw new VideoReadError('读取视频失败：数据源返回了无效数据。')
    const got = bytes.length > wanted ? bytes.subarray(0, wanted) : bytes
    this.bytesRead += got.length
    // A source that returns less than it has is a file that shrank under us: incomplete.
    if (got.length < wanted) throw new UnreadableVideoError('truncated', `short read at ${offset}`)
    return got
  }
}

const asReadError = (cause: unknown): AppError =>
  cause instanceof AppError ? cause : new VideoReadError('读取视频失败，请稍后重试。', ErrorCode.INTERNAL, cause)

export interface ReadVideoOptions {
  limits?: Partial<ReadLimits>
}

/**
 * Facts about the MP4 in `source`, from its `ftyp` and `moov` boxes alone, wherever `moov` sits.
 * `mdat` is skipped unread. Rejects with UnreadableVideoError when the bytes are not a readable
 * MP4 (never anything else for bad bytes), and with VideoReadError (or the source's AppError)
 * when the source fails.
 */
export const readVideoFacts = async (source: ByteSource, options: ReadVideoOptions = {}): Promise<VideoFacts> => {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits }
  let fileSize: number
  try {
    fileSize = await source.size()
  } catch (cause) {
    throw asReadError(cause)
  }
  if (!Number.isSafeInteger(fileSize) || fileSize < 0) throw new VideoReadError('读取视频失败：无法获得文件大小。')
  if (fileSize === 0) throw new UnreadableVideoError('empty')

  const reader = new Reader(source, fileSize)
  /** What has been fetched in bulk (the head, then moov and its lookahead), to serve headers from. */
  const windows: Array<{ offset: number; bytes: Uint8Array }> = []
  const head = await reader.read(0, limits.headBytes)
  windows.push({ offset: 0, bytes: head })
  const bytesAt = (offset: number, length: number): Promise<Uint8Array> => {
    for (const w of windows) {
      if (offset >= w.offset && offset + length <= w.offset + w.bytes.length) {
        return Promise.resolve(w.bytes.subarray(offset - w.offset, offset - w.offset + length))
      }
    }
    return reader.read(offset, length)
  }

  let ftyp: Ftyp | null = null
  let moov: Uint8Array | null = null
  let offset = 0
  // The walk goes on past moov to the end of the file: an upload cut short in mdat has a
  // perfect moov, and only the last box's size gives it away.
  for (let index = 0; offset < fileSize; index++) {
    if (index >= limits.maxTopLevelBoxes) throw new UnreadableVideoError('malformed', 'too many top-level boxes')
    const headerBytes = await bytesAt(offset, Math.min(16, fileSize - offset))
    const parsed = parseBoxHeader(headerBytes, 0, offset, fileSize)
    if (index === 0) {
      const type = headerBytes.length >= 8 ? fourcc(headerBytes, 4) : ''
      if (!FIRST_BOX_TYPES.has(type) || parsed.kind === 'invalid') throw new UnreadableVideoError('notMp4')
    }
    const plausible = parsed.kind === 'box' && isPrintableFourcc(parsed.box.type)
    if (!plausible) {
      // Junk after a complete moov does not stop a player; before it, the file is broken.
      if (moov !== null) break
      if (parsed.kind === 'short') throw new UnreadableVideoError('truncated', `stray ${fileSize - offset} bytes at ${offset}`)
      throw new UnreadableVideoError('malformed', `bad box header at ${offset}`)
    }
    const box = parsed.box
    if (box.start + box.size > fileSize) {
      throw new UnreadableVideoError('truncated', `'${box.type}' at ${offset} ends past the end of the file`)
    }
    if (box.type === 'ftyp' && ftyp === null && moov === null) {
      if (box.size > limits.maxFtypBytes || box.size < 16) throw new UnreadableVideoError('malformed', 'ftyp size')
      ftyp = parseFtyp(await bytesAt(box.start, box.size))
    } else if (box.type === 'moov' && moov === null) {
      if (box.size > limits.maxMoovBytes) throw new UnreadableVideoError('moovTooLarge', `moov of ${box.size} bytes`)
      moov = await readBox(box, head, reader, windows)
    } else if (box.type === 'moof') {
      // Movie fragments hold the samples outside moov: counting them means reading them all.
      throw new UnreadableVideoError('fragmented', `moof at ${offset}`)
    }
    offset = box.start + box.size
  }
  if (moov === null) throw new UnreadableVideoError('noMoov')

  const moovFacts = factsFromMoov(moov, { maxBoxes: limits.maxMoovBoxes })
  return {
    container: containerOf(ftyp),
    ...moovFacts,
    fileSizeBytes: fileSize,
    bytesRead: reader.bytesRead
  }
}

/**
 * The whole box, reusing what the head already holds so a faststart moov is fetched once; the
 * read runs a little past the box and is kept as a window for the headers that follow.
 */
const readBox = async (
  box: BoxHeader,
  head: Uint8Array,
  reader: Reader,
  windows: Array<{ offset: number; bytes: Uint8Array }>
): Promise<Uint8Array> => {
  const end = box.start + box.size
  if (end <= head.length) return head.subarray(box.start, end)
  const fromHead = Math.max(0, head.length - box.start)
  const restStart = box.start + fromHead
  const rest = await reader.read(restStart, Math.min(end + MOOV_LOOKAHEAD, reader.fileSize) - restStart)
  windows.push({ offset: restStart, bytes: rest })
  if (fromHead === 0) return rest.subarray(0, box.size)
  const out = new Uint8Array(box.size)
  out.set(head.subarray(box.start))
  out.set(rest.subarray(0, box.size - fromHead), fromHead)
  return out
}

export interface VideoInspection {
  /** Null when the file is not a readable MP4. */
  facts: VideoFacts | null
  verdict: VideoVerdict
}

/**
 * Facts and verdict in one call: an unreadable file becomes the `unreadable` verdict. Source
 * failures still reject (VideoReadError), because they say nothing about the video.
 */
export const inspectVideo = async (
  source: ByteSource,
  spec: VideoSpec = DEFAULT_VIDEO_SPEC,
  options: ReadVideoOptions = {}
): Promise<VideoInspection> => {
  try {
    const facts = await readVideoFacts(source, options)
    return { facts, verdict: evaluateVideo(facts, spec) }
  } catch (error) {
    if (error instanceof UnreadableVideoError) return { facts: null, verdict: unreadableVerdict(error.reason) }
    throw error
  }
}
