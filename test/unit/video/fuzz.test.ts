import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { videoFactsSchema } from '../../../src/core/video'
import {
  DEFAULT_READ_LIMITS,
  UnreadableVideoError,
  bytesSource,
  maxBytesRead,
  maxReads,
  readVideoFacts,
  type ReadLimits
} from '../../../src/media'
import { SAMPLE_FILES, VIDEO_CACHE_DIR, ensureSampleVideos, hasHevcEncoder, type SampleName } from '../../support/videos'
import { box, concat, listBoxes, tracked, type BoxAt } from './helpers'

/**
 * Property tests: whatever the bytes, the reader settles — facts that pass the schema, or the
 * typed UnreadableVideoError — without escaping exceptions, console noise, or reading past a bound.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

/** Tight limits make the read bound meaningful for small inputs too. */
const SMALL_LIMITS: ReadLimits = { ...DEFAULT_READ_LIMITS, maxTopLevelBoxes: 64, maxMoovBytes: 1024 * 1024, maxMoovBoxes: 2000 }

type Outcome = { kind: 'facts' } | { kind: 'unreadable'; reason: string }

const settle = async (bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Outcome> => {
  const t = tracked(bytesSource(bytes))
  let outcome: Outcome
  try {
    const facts = await readVideoFacts(t.source, { limits })
    expect(videoFactsSchema.safeParse(facts).success).toBe(true)
    expect(facts.bytesRead).toBe(t.bytes())
    expect(facts.fileSizeBytes).toBe(bytes.length)
    outcome = { kind: 'facts' }
  } catch (error) {
    // Anything but the typed error escapes the property and fails it, with the input shrunk.
    if (!(error instanceof UnreadableVideoError)) throw error
    outcome = { kind: 'unreadable', reason: error.reason }
  }
  expect(t.bytes()).toBeLessThanOrEqual(maxBytesRead(limits))
  expect(t.reads.length).toBeLessThanOrEqual(maxReads(limits))
  for (const r of t.reads) expect(r.offset + r.length).toBeLessThanOrEqual(bytes.length)
  return outcome
}

/** A real file reduced to ftyp + moov + an empty mdat: every header box, none of the media. */
const compact = (name: SampleName): Uint8Array => {
  const file = new Uint8Array(readFileSync(path.join(VIDEO_CACHE_DIR, SAMPLE_FILES[name])))
  const boxes = listBoxes(file)
  const ftyp = boxes.find((b) => b.type === 'ftyp')
  const moov = boxes.find((b) => b.type === 'moov')
  if (ftyp === undefined || moov === undefined) throw new Error(`${name}: no ftyp or moov`)
  return concat(file.subarray(ftyp.start, ftyp.start + ftyp.size), file.subarray(moov.start, moov.start + moov.size), box('mdat'))
}

const INTERESTING_U32 = [0, 1, 2, 7, 8, 9, 15, 16, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]
const TYPES = ['ftyp', 'moov', 'mdat', 'free', 'moof', 'mvex', 'cmov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'stsz', 'stz2', 'stts', 'mvhd', 'tkhd', 'mdhd', 'hdlr', 'avc1', 'hvc1', 'mp4a', 'esds', 'uuid', 'wide', '\0\0\0\0']

type Mutation =
  | { kind: 'u32'; box: number; field: number; value: number; relative: boolean }
  | { kind: 'type'; box: number; type: string }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('u32' as const),
    box: fc.nat(),
    // 0 is the size, 4 the type; later fields hit version/flags, entry counts and first entries.
    field: fc.constantFrom(0, 4, 8, 12, 16, 20, 24, 28, 32),
    value: fc.oneof(fc.constantFrom(...INTERESTING_U32), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -16, max: 16 })),
    relative: fc.boolean()
  }),
  fc.record({ kind: fc.constant('type' as const), box: fc.nat(), type: fc.constantFrom(...TYPES) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() })
)

const mutate = (base: Uint8Array, boxes: BoxAt[], mutations: Mutation[]): Uint8Array => {
  let out = base.slice()
  for (const m of mutations) {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
    if (m.kind === 'truncate') {
      out = out.slice(0, m.at % (out.length + 1))
      continue
    }
    if (m.kind === 'byte') {
      if (out.length > 0) out[m.at % out.length] = m.value
      continue
    }
    const target = boxes[m.box % boxes.length]
    if (target === undefined) continue
    if (m.kind === 'type') {
      const at = target.start + 4
      if (at + 4 <= out.length) out.set(Array.from(m.type, (c) => c.charCodeAt(0)), at)
      continue
    }
    const at = target.start + m.field
    if (at + 4 > out.length) continue
    const value = m.relative ? (view.getUint32(at) + m.value) >>> 0 : m.value >>> 0
    view.setUint32(at, value)
  }
  return out
}

/** Box soup: plausible headers with wrong sizes, nested a few levels. */
const soup: fc.Arbitrary<Uint8Array> = fc
  .letrec<{ node: Uint8Array; list: Uint8Array }>((tie) => ({
    node: fc
      .record({
        type: fc.constantFrom(...TYPES),
        size: fc.oneof(fc.constant(-1), fc.constantFrom(...INTERESTING_U32)),
        payload: fc.oneof({ depthSize: 'small' }, fc.uint8Array({ maxLength: 64 }), tie('list'))
      })
      .map(({ type, size, payload }) => {
        const b = box(type, payload)
        if (size >= 0) new DataView(b.buffer).setUint32(0, size)
        return b
      }),
    list: fc.array(tie('node'), { maxLength: 4 }).map((parts) => concat(...parts))
  }))
  .list.map((b) => concat(box('ftyp', [0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d]), b))

describe('readVideoFacts under fuzzing', () => {
  let bases: Array<{ name: SampleName; bytes: Uint8Array; boxes: BoxAt[] }> = []
  const consoleSpies: jest.SpyInstance[] = []

  beforeAll(() => {
    const names: SampleName[] = ['bframes2997', 'portrait', hasHevcEncoder() ? 'hevc' : 'noAudio']
    ensureSampleVideos(names)
    bases = names.map((name) => {
      const bytes = compact(name)
      return { name, bytes, boxes: listBoxes(bytes) }
    })
  }, 300_000)

  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(jest.spyOn(console, method).mockImplementation(() => undefined))
    }
  })

  afterEach(() => {
    // mp4box logs malformed boxes on the console by default; the reader must keep it quiet.
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled()
    for (const spy of consoleSpies.splice(0)) spy.mockRestore()
  })

  it('reads the untouched compact bases (the mutations start from valid files)', async () => {
    for (const base of bases) expect(await settle(base.bytes)).toEqual({ kind: 'facts' })
  })

  it('settles on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await settle(bytes, SMALL_LIMITS)
      }),
      { numRuns: RUNS }
    )
  })

  it('settles on box soup behind a valid ftyp', async () => {
    await fc.assert(
      fc.asyncProperty(soup, async (bytes) => {
        await settle(bytes, SMALL_LIMITS)
      }),
      { numRuns: RUNS }
    )
  })

  it('settles on every truncation of a real header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat({ max: 2 }), async (cut, which) => {
        const base = bases[which % bases.length]
        if (base === undefined) return
        const outcome = await settle(base.bytes.subarray(0, cut % base.bytes.length))
        // Cut anywhere, the header is incomplete: never facts from half a moov.
        expect(outcome).toMatchObject({ kind: 'unreadable' })
      }),
      { numRuns: RUNS }
    )
  })

  it('settles on real headers with mutated sizes, types, counts and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (which, mutations) => {
        const base = bases[which % bases.length]
        if (base === undefined) return
        await settle(mutate(base.bytes, base.boxes, mutations))
      }),
      { numRuns: RUNS * 3 }
    )
  })

  it('settles with the tight limits on mutated real headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        const base = bases[which % bases.length]
        if (base === undefined) return
        await settle(mutate(base.bytes, base.boxes, mutations), SMALL_LIMITS)
      }),
      { numRuns: RUNS }
    )
  })
})
