import { DEFAULT_VIDEO_SPEC, GIB, parseVideoSpec, videoFactsSchema, videoSpecSchema } from '../../../src/core/video'

describe('VideoSpec', () => {
  it('defaults to the seeds’ rules', () => {
    expect(DEFAULT_VIDEO_SPEC).toEqual({
      containers: ['mp4'],
      videoCodecs: ['h264'],
      resolution: { width: 1920, height: 1080 },
      frameRate: { target: 25, tolerance: 0.5 },
      durationSec: { min: 480, max: 600 },
      requireAudio: true,
      videoBitrateKbps: { min: 6000, max: 10000 },
      maxFileSizeBytes: GIB
    })
    expect(parseVideoSpec(undefined)).toEqual(DEFAULT_VIDEO_SPEC)
  })

  it('lets a campaign override one rule and keep the rest', () => {
    const spec = parseVideoSpec({ durationSec: { min: 300, max: 420 } })
    expect(spec.durationSec).toEqual({ min: 300, max: 420 })
    expect(spec.resolution).toEqual(DEFAULT_VIDEO_SPEC.resolution)
  })

  it('turns a rule off with null', () => {
    expect(parseVideoSpec({ frameRate: null }).frameRate).toBeNull()
  })

  it.each([
    ['a range upside down', { durationSec: { min: 600, max: 480 } }],
    ['no accepted container', { containers: [] }],
    ['an unknown container', { containers: ['avi'] }],
    ['a negative tolerance', { frameRate: { target: 25, tolerance: -1 } }],
    ['a fractional width', { resolution: { width: 1920.5, height: 1080 } }],
    ['a size limit of zero', { maxFileSizeBytes: 0 }]
  ])('refuses %s', (_what, input) => {
    expect(videoSpecSchema.safeParse(input).success).toBe(false)
  })
})

describe('videoFactsSchema', () => {
  const facts = {
    container: 'mp4',
    durationSec: 540,
    width: 1920,
    height: 1080,
    fps: 25,
    videoCodec: 'h264',
    audioCodec: null,
    videoBitrateKbps: 8000,
    fileSizeBytes: 1,
    bytesRead: 1
  }

  it('accepts well-formed facts', () => {
    expect(videoFactsSchema.parse(facts)).toEqual(facts)
  })

  it.each([
    ['a negative duration', { durationSec: -1 }],
    ['an infinite fps', { fps: Infinity }],
    ['an unknown container', { container: 'avi' }],
    ['a missing field', { width: undefined }]
  ])('refuses %s', (_what, change) => {
    expect(videoFactsSchema.safeParse({ ...facts, ...change }).success).toBe(false)
  })
})
