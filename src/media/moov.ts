// The 'simple' entry registers only the structural boxes we let mp4box parse: ~90 KB bundled
// instead of ~140 KB, which the phone's chunk and every CLI start pay for.
import { ISOFile, Log, MultiBufferStream } from 'mp4box/simple'
import { scanMoov, type TrackTables } from './boxes'
import type { VideoFacts } from '../core/video/facts'
import { UnreadableVideoError } from './errors'

/** Facts that come from `moov` alone (container, file size and bytes read are the caller's). */
export type MoovFacts = Omit<VideoFacts, 'container' | 'fileSizeBytes' | 'bytesRead'>

const VIDEO_FAMILIES = new Map<string, string>(Object.entries({
  avc1: 'h264',
  avc2: 'h264',
  avc3: 'h264',
  avc4: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  hvc2: 'hevc',
  hev2: 'hevc',
  dvh1: 'hevc',
  dvhe: 'hevc',
  av01: 'av1',
  vp09: 'vp9',
  vp08: 'vp8',
  mp4v: 'mpeg4',
  s263: 'h263',
  h263: 'h263',
  jpeg: 'mjpeg',
  mjpa: 'mjpeg',
  mjpb: 'mjpeg',
  apch: 'prores',
  apcn: 'prores',
  apcs: 'prores',
  apco: 'prores',
  ap4h: 'prores',
  ap4x: 'prores'
}))

const AUDIO_FAMILIES = new Map<string, string>(Object.entries({
  'ac-3': 'ac3',
  'ec-3': 'eac3',
  Opus: 'opus',
  fLaC: 'flac',
  alac: 'alac',
  samr: 'amr_nb',
  sawb: 'amr_wb',
  '.mp3': 'mp3',
  sowt: 'pcm',
  twos: 'pcm',
  lpcm: 'pcm',
  in24: 'pcm',
  in32: 'pcm',
  fl32: 'pcm',
  fl64: 'pcm',
  'raw ': 'pcm',
  ulaw: 'pcm_mulaw',
  alaw: 'pcm_alaw'
}))

/** MPEG-4 object type indications (ISO/IEC 14496-1 table 5) that are MP3. */
const MP3_OBJECT_TYPES = new Set([0x69, 0x6b])

const sampleEntryName = (type: string): string => {
  const trimmed = type.trim()
  return /^[\x21-\x7E]+$/.test(trimmed) ? trimmed.toLowerCase() : 'unknown'
}

/** Parsed boxes are only as whole as the bytes were: every field is checked before use. */
const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null

const round = (value: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

interface Track {
  handler: string
  enabled: boolean
  entryType: string
  audioObjectType: number | null
  codedWidth: number | null
  codedHeight: number | null
  quarterTurn: boolean
  durationSec: number | null
  sampleCount: number | null
  sampleBytes: number | null
}

const audioFamily = (track: Track): string => {
  if (track.entryType === 'mp4a') {
    // Object types 0x40 and 0x66–0x68 are AAC, and so in practice is an mp4a whose esds we cannot read.
    return track.audioObjectType !== null && MP3_OBJECT_TYPES.has(track.audioObjectType) ? 'mp3' : 'aac'
  }
  return AUDIO_FAMILIES.get(track.entryType) ?? sampleEntryName(track.entryType)
}

/**
 * mp4box reports malformed boxes on the console; we report them as a typed outcome instead, so
 * its logger is muted for the synchronous parse (nothing else can run in between).
 */
const quietly = <T>(parse: () => T): T => {
  const saved = { debug: Log.debug, info: Log.info, warn: Log.warn, error: Log.error }
  const silent = (): void => undefined
  Log.debug = silent
  Log.info = silent
  Log.warn = silent
  Log.error = silent
  try {
    return parse()
  } finally {
    Object.assign(Log, saved)
  }
}

const readTrack = (trak: ISOFile['moov']['traks'][number], tables: TrackTables | undefined): Track | null => {
  // mp4box's types promise every box; bytes from the wild do not, hence the optional chains.
  const mdia = trak.mdia as typeof trak.mdia | undefined
  if (tables === undefined || tables.handler === null || tables.entryType === null) return null
  const tkhd = trak.tkhd as typeof trak.tkhd | undefined
  const matrix = tkhd?.matrix
  const a = Math.abs(finiteSigned(matrix?.[0]))
  const b = Math.abs(finiteSigned(matrix?.[1]))
  // tkhd carries the presentation size in 16.16 fixed point when the sample entry does not.
  const codedWidth = tables.entryWidth || Math.round((finite(tkhd?.width) ?? 0) / 65536) || null
  const codedHeight = tables.entryHeight || Math.round((finite(tkhd?.height) ?? 0) / 65536) || null
  const timescale = finite(mdia?.mdhd?.timescale)
  const duration = finite(mdia?.mdhd?.duration) || tables.sttsDuration
  return {
    handler: tables.handler,
    enabled: ((finite(tkhd?.flags) ?? 1) & 1) === 1,
    entryType: tables.entryType,
    audioObjectType: tables.audioObjectType,
    codedWidth,
    codedHeight,
    quarterTurn: b > a,
    durationSec: timescale ? duration / timescale : null,
    sampleCount: tables.sampleCount ?? (tables.sttsCount || null),
    sampleBytes: tables.sampleBytes
  }
}

const finiteSigned = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

export interface MoovLimits {
  maxBoxes: number
}

/**
 * Facts from a complete `moov` box (`moov` holds exactly that box, and is not modified).
 * `scanMoov` reads the handlers, sample tables and sample descriptions and builds a compact
 * moov of the movie, track and media headers, which mp4box's ISOFile parses.
 */
export const factsFromMoov = (moov: Uint8Array, limits: MoovLimits): MoovFacts => {
  const scan = scanMoov(moov, limits)
  if (scan.hasCmov) throw new UnreadableVideoError('malformed', 'compressed moov (cmov)')

  // MultiBufferStream takes an ArrayBuffer that knows where it sits in the file.
  const buffer = Object.assign(scan.compact.buffer, { fileStart: 0, usedBytes: 0 })
  let file: ISOFile
  try {
    file = quietly(() => new ISOFile(new MultiBufferStream(buffer)))
  } catch (cause) {
    throw new UnreadableVideoError('malformed', `mp4box: ${String(cause)}`)
  }
  const movie = file.moov as ISOFile['moov'] | undefined
  if (movie === undefined) throw new UnreadableVideoError('malformed', 'mp4box found no moov')

  const tracks: Track[] = []
  for (const trak of movie.traks ?? []) {
    const track = readTrack(trak, scan.tracks.get(trak.start ?? -1))
    if (track !== null) tracks.push(track)
  }
  const videos = tracks.filter((t) => t.handler === 'vide')
  // Phones add disabled helper tracks (depth, previews); the enabled one is what plays.
  const video = videos.find((t) => t.enabled) ?? videos[0]
  const audio = tracks.find((t) => t.handler === 'soun')

  if (scan.hasMvex && (video?.sampleCount ?? 0) === 0) {
    throw new UnreadableVideoError('fragmented', 'moov has mvex and no samples of its own')
  }

  const mvhdTimescale = finite(movie.mvhd?.timescale)
  const mvhdDuration = finite(movie.mvhd?.duration)
  let durationSec = mvhdTimescale && mvhdDuration ? mvhdDuration / mvhdTimescale : 0
  if (durationSec === 0) durationSec = Math.max(0, ...tracks.map((t) => t.durationSec ?? 0))

  let width: number | null = null
  let height: number | null = null
  let fps: number | null = null
  let videoBitrateKbps: number | null = null
  if (video !== undefined) {
    width = video.quarterTurn ? video.codedHeight : video.codedWidth
    height = video.quarterTurn ? video.codedWidth : video.codedHeight
    const seconds = video.durationSec
    if (seconds !== null && seconds > 0) {
      if (video.sampleCount !== null) fps = round(video.sampleCount / seconds, 3)
      if (video.sampleBytes !== null) videoBitrateKbps = Math.round((video.sampleBytes * 8) / seconds / 1000)
    }
  }

  return {
    durationSec: round(durationSec, 3),
    width,
    height,
    fps,
    videoCodec: video === undefined ? null : (VIDEO_FAMILIES.get(video.entryType) ?? sampleEntryName(video.entryType)),
    audioCodec: audio === undefined ? null : audioFamily(audio),
    videoBitrateKbps
  }
}
