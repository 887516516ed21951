import { z } from 'zod'
import { VIDEO_CONTAINERS, type VideoFacts } from './facts'
import { DEFAULT_VIDEO_SPEC, type Range, type VideoSpec } from './spec'

/*
 * zod schemas for what crosses a boundary (a campaign's stored spec, facts on an entry). Kept
 * apart from the rules so the CLI and the phone's first screen do not load zod to judge a file.
 */

const nonNegative = z.number().finite().nonnegative()

const range = (fallback: Range | null) =>
  z
    .object({ min: nonNegative, max: nonNegative })
    .refine((r) => r.min <= r.max, { message: '下限不能大于上限' })
    .nullable()
    .default(fallback === null ? null : { ...fallback })

const d = DEFAULT_VIDEO_SPEC

/** A campaign's VideoSpec: any subset; missing fields take the seeds' defaults. */
export const videoSpecSchema = z.object({
  containers: z.array(z.enum(VIDEO_CONTAINERS)).min(1).default([...d.containers]),
  videoCodecs: z.array(z.string().min(1)).min(1).default([...d.videoCodecs]),
  resolution: z
    .object({ width: z.number().int().positive(), height: z.number().int().positive() })
    .nullable()
    .default(d.resolution === null ? null : { ...d.resolution }),
  frameRate: z
    .object({ target: z.number().positive(), tolerance: z.number().nonnegative() })
    .nullable()
    .default(d.frameRate === null ? null : { ...d.frameRate }),
  durationSec: range(d.durationSec),
  requireAudio: z.boolean().default(d.requireAudio),
  videoBitrateKbps: range(d.videoBitrateKbps),
  maxFileSizeBytes: z.number().int().positive().nullable().default(d.maxFileSizeBytes)
})

/** What a campaign stores: any subset of the spec. */
export type VideoSpecInput = z.input<typeof videoSpecSchema>

/** Parses a campaign's stored spec; throws zod's error on a malformed one. */
export const parseVideoSpec = (input: unknown): VideoSpec => videoSpecSchema.parse(input ?? {})

/** Facts as they travel between phone, cloud and storage; the cloud never trusts them, it re-reads. */
export const videoFactsSchema = z.object({
  container: z.enum(VIDEO_CONTAINERS),
  durationSec: nonNegative,
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  fps: nonNegative.nullable(),
  videoCodec: z.string().min(1).max(32).nullable(),
  audioCodec: z.string().min(1).max(32).nullable(),
  videoBitrateKbps: nonNegative.nullable(),
  fileSizeBytes: z.number().int().nonnegative(),
  bytesRead: z.number().int().nonnegative()
})

// Schemas and interfaces must describe the same shapes: a drift fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const _factsMatch: Same<z.infer<typeof videoFactsSchema>, VideoFacts> = true
const _specMatch: Same<z.infer<typeof videoSpecSchema>, VideoSpec> = true
void _factsMatch
void _specMatch
