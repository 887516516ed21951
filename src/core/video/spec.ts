import type { VideoContainer } from './facts'

/** 1 GiB: what the seeds' 10-minute, 8 Mbps file stays well below. */
export const GIB = 1024 * 1024 * 1024

export interface Range {
  min: number
  max: number
}

/**
 * What a valid video is, per campaign; `null` turns a check off. Parse stored specs with
 * `parseVideoSpec` (schema.ts): it fills in these defaults for whatever a campaign leaves out.
 */
export interface VideoSpec {
  /** Accepted containers; anything else is an error `container`. */
  containers: VideoContainer[]
  /** Accepted video codec families (see VideoFacts.videoCodec). */
  videoCodecs: string[]
  /** Exact size as displayed; width > height means landscape. */
  resolution: { width: number; height: number } | null
  frameRate: { target: number; tolerance: number } | null
  /** Inclusive, seconds. */
  durationSec: Range | null
  requireAudio: boolean
  /** Inclusive, kbit/s (1 Mbps = 1000 kbps); outside it is only a warning. */
  videoBitrateKbps: Range | null
  maxFileSizeBytes: number | null
}

/** The seeds' rules: MP4, H.264, 1920×1080, 25 ± 0.5 fps, 8–10 minutes, audio, 6–10 Mbps, ≤ 1 GiB. */
export const DEFAULT_VIDEO_SPEC: Readonly<VideoSpec> = Object.freeze<VideoSpec>({
  containers: ['mp4'],
  videoCodecs: ['h264'],
  resolution: { width: 1920, height: 1080 },
  frameRate: { target: 25, tolerance: 0.5 },
  durationSec: { min: 480, max: 600 },
  requireAudio: true,
  videoBitrateKbps: { min: 6000, max: 10000 },
  maxFileSizeBytes: GIB
})
