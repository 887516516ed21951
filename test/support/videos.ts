/**
 * Sample videos made by ffmpeg once into .cache/test-videos (git-ignored) and reused afterwards.
 * Long files are a 20-second clip looped by stream copy, so a 9-minute 1080p file takes seconds,
 * not a minute of encoding; crf 51 on static bars keeps each file near 1 MB.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '..', '..')
export const VIDEO_CACHE_DIR = path.join(REPO_ROOT, '.cache', 'test-videos')

const FFMPEG = process.env.FFMPEG ?? 'ffmpeg'
export const FFPROBE = process.env.FFPROBE ?? 'ffprobe'

export const SAMPLE_NAMES = [
  'compliant',
  'compliantFaststart',
  'hd720p30',
  'short3min',
  'noAudio',
  'hevc',
  'quicktime',
  'portrait',
  'tooLong11min',
  'bframes2997',
  'fragmented',
  'mp3Audio',
  'mp3QuickTime'
] as const
export type SampleName = (typeof SAMPLE_NAMES)[number]

export const SAMPLE_FILES: Record<SampleName, string> = {
  compliant: 'compliant-1080p25-9min.mp4',
  compliantFaststart: 'compliant-1080p25-9min-faststart.mp4',
  hd720p30: 'wrong-720p30-9min.mp4',
  short3min: 'wrong-1080p25-3min.mp4',
  noAudio: 'wrong-no-audio-9min.mp4',
  hevc: 'wrong-hevc-1080p25-9min.mp4',
  quicktime: 'wrong-quicktime-9min.mov',
  portrait: 'portrait-rotated-9min.mp4',
  tooLong11min: 'wrong-1080p25-11min.mp4',
  bframes2997: 'wrong-720p2997-bframes-1min.mp4',
  fragmented: 'unreadable-fragmented-20s.mp4',
  mp3Audio: 'wrong-mp3-audio-20s.mp4',
  mp3QuickTime: 'wrong-mp3-audio-20s.mov'
}

const run = (args: string[]): void => {
  execFileSync(FFMPEG, ['-hide_banner', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
}

let encoders: string | undefined
const ffmpegEncoders = (): string => {
  encoders ??= execFileSync(FFMPEG, ['-hide_banner', '-encoders'], { encoding: 'utf8' })
  return encoders
}

export const hasFfmpeg = (): boolean => {
  try {
    ffmpegEncoders()
    return true
  } catch {
    return false
  }
}

/** libx265 is optional in ffmpeg builds; without it the HEVC case is skipped with a note. */
export const hasHevcEncoder = (): boolean => hasFfmpeg() && /\blibx265\b/.test(ffmpegEncoders())

/** ffmpeg ≥ 6 sets rotation with `-display_rotation`; older ones with the `rotate` tag. */
const hasDisplayRotation = (): boolean => {
  try {
    return execFileSync(FFMPEG, ['-hide_banner', '-h', 'full'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).includes(
      'display_rotation'
    )
  } catch {
    return false
  }
}

/** Writes through a per-process temp name and renames, so parallel workers never see half a file. */
const make = (file: string, build: (out: string) => void): string => {
  const target = path.join(VIDEO_CACHE_DIR, file)
  if (existsSync(target) && statSync(target).size > 0) return target
  const ext = path.extname(file)
  const temp = path.join(VIDEO_CACHE_DIR, `${path.basename(file, ext)}.${process.pid}.part${ext}`)
  try {
    build(temp)
    renameSync(temp, target)
  } finally {
    rmSync(temp, { force: true })
  }
  return target
}

const clip = (file: string, size: string, rate: number, codec: 'h264' | 'hevc'): string =>
  make(file, (out) =>
    run([
      '-f', 'lavfi', '-i', `smptehdbars=size=${size}:rate=${rate}`,
      '-t', '20',
      ...(codec === 'h264'
        ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '51']
        : ['-c:v', 'libx265', '-preset', 'ultrafast', '-crf', '51', '-tag:v', 'hvc1', '-x265-params', 'log-level=error']),
      '-pix_fmt', 'yuv420p', '-an', out
    ])
  )

/** `seconds` of the 20-second clip looped by stream copy, with a silent AAC track unless told not to. */
const looped = (file: string, source: string, seconds: number, extra: string[] = []): string =>
  make(file, (out) =>
    run([
      '-stream_loop', String(seconds / 20 - 1), '-i', source,
      '-f', 'lavfi', '-t', String(seconds), '-i', 'anullsrc=r=44100:cl=stereo',
      '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '32k',
      ...extra, out
    ])
  )

const remux = (file: string, source: string, before: string[], after: string[]): string =>
  make(file, (out) => run([...before, '-i', source, '-c', 'copy', ...after, out]))

const builders: Record<SampleName, () => string | null> = {
  compliant: () => looped(SAMPLE_FILES.compliant, clip('clip-1080p25.mp4', '1920x1080', 25, 'h264'), 540),
  compliantFaststart: () =>
    remux(SAMPLE_FILES.compliantFaststart, builders.compliant() ?? '', [], ['-movflags', '+faststart']),
  hd720p30: () => looped(SAMPLE_FILES.hd720p30, clip('clip-720p30.mp4', '1280x720', 30, 'h264'), 540),
  short3min: () =>
    looped(SAMPLE_FILES.short3min, clip('clip-1080p25.mp4', '1920x1080', 25, 'h264'), 180, ['-movflags', '+faststart']),
  noAudio: () => remux(SAMPLE_FILES.noAudio, builders.compliant() ?? '', [], ['-an']),
  hevc: () =>
    hasHevcEncoder() ? looped(SAMPLE_FILES.hevc, clip('clip-1080p25-hevc.mp4', '1920x1080', 25, 'hevc'), 540) : null,
  // The mov muxer writes ftyp 'qt  ', as an iPhone does.
  quicktime: () => remux(SAMPLE_FILES.quicktime, builders.compliant() ?? '', [], ['-f', 'mov']),
  // Coded 1920×1080 with a quarter-turn matrix: what a phone held upright records.
  portrait: () =>
    hasDisplayRotation()
      ? remux(SAMPLE_FILES.portrait, builders.compliant() ?? '', ['-display_rotation:v:0', '90'], [])
      : remux(SAMPLE_FILES.portrait, builders.compliant() ?? '', [], ['-metadata:s:v:0', 'rotate=90']),
  tooLong11min: () => looped(SAMPLE_FILES.tooLong11min, clip('clip-1080p25.mp4', '1920x1080', 25, 'h264'), 660),
  // NTSC rate, B-frames (ctts + edit list) and 48 kHz audio: closer to what phones write.
  bframes2997: () =>
    make(SAMPLE_FILES.bframes2997, (out) =>
      run([
        '-f', 'lavfi', '-i', 'smptehdbars=size=1280x720:rate=30000/1001',
        '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
        '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '51', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '32k', out
      ])
    ),
  // fMP4 as screen recorders and DASH tools write it: an empty moov, then moof/mdat pairs.
  fragmented: () =>
    remux(SAMPLE_FILES.fragmented, clip('clip-1080p25.mp4', '1920x1080', 25, 'h264'), [], ['-movflags', 'frag_keyframe+empty_moov']),
  // MP3 in mp4a: only the esds object type tells it from AAC.
  mp3Audio: () =>
    make(SAMPLE_FILES.mp3Audio, (out) =>
      run([
        '-i', clip('clip-1080p25.mp4', '1920x1080', 25, 'h264'),
        '-f', 'lavfi', '-t', '20', '-i', 'anullsrc=r=44100:cl=stereo',
        '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'libmp3lame', '-b:a', '64k', out
      ])
    ),
  mp3QuickTime: () => remux(SAMPLE_FILES.mp3QuickTime, builders.mp3Audio() ?? '', [], ['-f', 'mov'])
}

/**
 * Paths of the requested samples, making the missing ones. A sample this ffmpeg cannot make
 * (HEVC without libx265) maps to null; callers skip it visibly.
 */
export const ensureSampleVideos = (names: readonly SampleName[] = SAMPLE_NAMES): Record<SampleName, string | null> => {
  if (!hasFfmpeg()) throw new Error(`ffmpeg not found (${FFMPEG}): install the Debian package 'ffmpeg' to make sample videos`)
  mkdirSync(VIDEO_CACHE_DIR, { recursive: true })
  const out = Object.fromEntries(SAMPLE_NAMES.map((n) => [n, null])) as Record<SampleName, string | null>
  for (const name of names) out[name] = builders[name]()
  return out
}

export interface ProbeResult {
  durationSec: number
  width: number
  height: number
  /** Quarter turns from the display matrix, so displayed size can be compared. */
  rotation: number
  avgFrameRate: number
  videoCodec: string
  audioCodec: string | null
}

interface FfprobeStream {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  avg_frame_rate?: string
  tags?: Record<string, string>
  side_data_list?: Array<{ rotation?: number }>
}

const fraction = (text: string | undefined): number => {
  const [num, den] = (text ?? '0/1').split('/').map(Number)
  return den ? (num ?? 0) / den : 0
}

/** What ffprobe says, for agreement tests and the benchmark. */
export const probe = (file: string): ProbeResult => {
  const json = execFileSync(FFPROBE, ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], {
    encoding: 'utf8'
  })
  const parsed = JSON.parse(json) as { streams?: FfprobeStream[]; format?: { duration?: string } }
  const streams = parsed.streams ?? []
  const video = streams.find((s) => s.codec_type === 'video')
  const audio = streams.find((s) => s.codec_type === 'audio')
  if (video === undefined) throw new Error(`ffprobe found no video stream in ${file}`)
  const rotation = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0)
  return {
    durationSec: Number(parsed.format?.duration ?? NaN),
    width: video.width ?? 0,
    height: video.height ?? 0,
    rotation,
    avgFrameRate: fraction(video.avg_frame_rate),
    videoCodec: video.codec_name ?? '',
    audioCodec: audio?.codec_name ?? null
  }
}
