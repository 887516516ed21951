import { z } from 'zod'
import { VIDEO_CONTAINERS } from './facts'

/** 1 GiB: what the seeds' 10-minute, 8 Mbps file stays well below. */
export const GIB = 1024 * 1024 * 1024

const range = (min: number, max: number) =>
  z
    .object({ min: z.number().finite().nonnegative(), max: z.number().finite().nonnegative() })
    .refine((r) => r.min <= r.max, { message: '下限不能大于上限' })
    .default({ min, max })

/**
 * What a valid video is, per campaign. Every field has the seeds' default, so `{}` is the
 * standard rule set; a campaign overrides only what it changes, and `null` turns a check off.
 */
export const videoSpecSchema = z.object({
  /** Accepted containers; anything else is an error `container`. */
  containers: z.array(z.enum(VIDEO_CONTAINERS)).min(1).default(['mp4']),
  /** Accepted video codec families (see VideoFacts.videoCodec). */
  videoCodecs: z.array(z.string().min(1)).min(1).default(['h264']),
  /** Exact size as displayed; width > height means landscape. */
  resolution: z
    .object({ width: z.number().int().positive(), height: z.number().int().positive() })
    .nullable()
    .default({ width: 1920, height: 1080 }),
  frameRate: z
    .object({ target: z.number().positive(), tolerance: z.number().nonnegative() })
    .nullable()
    .default({ target: 25, tolerance: 0.5 }),
  /** Inclusive, seconds. */
  durationSec: range(480, 600).nullable(),
  requireAudio: z.boolean().default(true),
  /** Inclusive, kbit/s (1 Mbps = 1000 kbps); outside it is only a warning. */
  videoBitrateKbps: range(6000, 10000).nullable(),
  maxFileSizeBytes: z.number().int().positive().nullable().default(GIB)
})

export type VideoSpec = z.infer<typeof videoSpecSchema>
/** What a campaign stores: any subset of the spec. */
export type VideoSpecInput = z.input<typeof videoSpecSchema>

export const DEFAULT_VIDEO_SPEC: VideoSpec = videoSpecSchema.parse({})

/** Parses a campaign's stored spec; throws zod's error on a malformed one. */
export const parseVideoSpec = (input: unknown): VideoSpec => videoSpecSchema.parse(input ?? {})
