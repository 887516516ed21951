import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ErrorCode } from '../../../src/core/errors'
import { videoFactsSchema, type UnreadableReason, type VideoFacts, type VideoRule } from '../../../src/core/video'
import {
  DEFAULT_READ_LIMITS,
  UnreadableVideoError,
  VideoReadError,
  blobSource,
  bytesSource,
  httpSource,
  inspectVideo,
  readVideoFacts
} from '../../../src/media'
import { scanMoov } from '../../../src/media/boxes'
import { fileSource } from '../../../src/media/file-source.node'
import {
  SAMPLE_FILES,
  VIDEO_CACHE_DIR,
  ensureSampleVideos,
  hasHevcEncoder,
  probe,
  type SampleName
} from '../../support/videos'
import { box, concat, listBoxes, tracked } from './helpers'

const HEVC = hasHevcEncoder()
if (!HEVC) console.warn('NOTE: this ffmpeg has no libx265, so the HEVC sample cases are skipped.')

const samplePath = (name: SampleName): string => path.join(VIDEO_CACHE_DIR, SAMPLE_FILES[name])
const load = (name: SampleName): Uint8Array => new Uint8Array(readFileSync(samplePath(name)))

beforeAll(() => {
  ensureSampleVideos()
}, 300_000)

const expectUnreadable = async (bytes: Uint8Array, reason: UnreadableReason): Promise<void> => {
  const error: unknown = await readVideoFacts(bytesSource(bytes)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(UnreadableVideoError)
  expect((error as UnreadableVideoError).reason).toBe(reason)
  expect((error as UnreadableVideoError).code).toBe(ErrorCode.VIDEO_REJECTED)
}

const AGREEMENT: SampleName[] = [
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
  'mp3Audio',
  'mp3QuickTime'
]

describe('facts agree with ffprobe', () => {
  it.each(AGREEMENT.map((n) => [n]))('on %s', async (name) => {
    if (name === 'hevc' && !HEVC) return
    const facts = await readVideoFacts(fileSource(samplePath(name)))
    const ff = probe(samplePath(name))
    const quarterTurn = Math.abs(ff.rotation) % 180 === 90
    expect(Math.abs(facts.durationSec - ff.durationSec)).toBeLessThanOrEqual(0.1)
    expect(Math.abs((facts.fps ?? NaN) - ff.avgFrameRate)).toBeLessThanOrEqual(0.01)
    expect([facts.width, facts.height]).toEqual(quarterTurn ? [ff.height, ff.width] : [ff.width, ff.height])
    expect(facts.videoCodec).toBe(ff.videoCodec)
    expect(facts.audioCodec).toBe(ff.audioCodec)
    expect(videoFactsSchema.parse(facts)).toEqual(facts)
  })

  it('sees the portrait sample as portrait even though it is coded landscape', async () => {
    const facts = await readVideoFacts(fileSource(samplePath('portrait')))
    expect(probe(samplePath('portrait'))).toMatchObject({ width: 1920, height: 1080 })
    expect([facts.width, facts.height]).toEqual([1080, 1920])
  })
})

describe('the moov pre-pass', () => {
  const tablesOf = (name: SampleName) => {
    const file = load(name)
    const moov = listBoxes(file).find((b) => b.type === 'moov')
    if (moov === undefined) throw new Error('no moov')
    const scan = scanMoov(file.subarray(moov.start, moov.start + moov.size), { maxBoxes: 10_000 })
    return [...scan.tracks.values()]
  }

  it.each([
    ['compliant', 0x40],
    ['quicktime', 0x40], // QuickTime v1 sound description, esds inside 'wave'
    ['mp3Audio', 0x6b]
  ] as const)('finds the esds object type of %s', (name, objectType) => {
    const audio = tablesOf(name).find((t) => t.handler === 'soun')
    expect(audio).toMatchObject({ entryType: 'mp4a', audioObjectType: objectType })
  })

  it('counts samples and bytes from stsz and durations from stts', () => {
    const video = tablesOf('compliant').find((t) => t.handler === 'vide')
    expect(video).toMatchObject({ entryType: 'avc1', entryWidth: 1920, entryHeight: 1080, sampleCount: 13500, sttsCount: 13500 })
    expect(video?.sampleBytes).toBeGreaterThan(0)
    expect(video?.sampleBytes).toBeLessThan(load('compliant').length)
  })
})

describe('verdicts on the samples', () => {
  const expected: Array<[SampleName, VideoRule[], boolean]> = [
    // The samples are bars at crf 51, far below 6 Mbps: a warning, which does not fail a file.
    ['compliant', ['bitrate'], true],
    ['compliantFaststart', ['bitrate'], true],
    ['hd720p30', ['resolution', 'frameRate', 'bitrate'], false],
    ['short3min', ['duration', 'bitrate'], false],
    ['noAudio', ['audio', 'bitrate'], false],
    ['hevc', ['videoCodec', 'bitrate'], false],
    ['quicktime', ['container', 'bitrate'], false],
    ['portrait', ['resolution', 'bitrate'], false],
    ['tooLong11min', ['duration', 'bitrate'], false],
    ['bframes2997', ['resolution', 'frameRate', 'duration', 'bitrate'], false]
  ]
  it.each(expected)('%s breaks %j', async (name, rules, ok) => {
    if (name === 'hevc' && !HEVC) return
    const { facts, verdict } = await inspectVideo(fileSource(samplePath(name)))
    expect(facts).not.toBeNull()
    expect(verdict.problems.map((p) => p.rule)).toEqual(rules)
    expect(verdict.ok).toBe(ok)
  })

  it('turns an unreadable file into the unreadable verdict', async () => {
    const result = await inspectVideo(bytesSource(new TextEncoder().encode('这不是视频，是一段文字。\n')))
    expect(result.facts).toBeNull()
    expect(result.verdict.ok).toBe(false)
    expect(result.verdict.problems.map((p) => p.rule)).toEqual(['unreadable'])
  })

  it('lets a source failure through instead of calling the video unreadable', async () => {
    await expect(inspectVideo(fileSource(path.join(VIDEO_CACHE_DIR, 'no-such-file.mp4')))).rejects.toMatchObject({
      name: 'VideoReadError',
      code: ErrorCode.NOT_FOUND
    })
  })
})

describe('reading only the header boxes', () => {
  const withoutReadCost = (f: VideoFacts) => ({ ...f, bytesRead: 0 })

  it('reads the same facts wherever moov sits, within 512 KiB each', async () => {
    const atEnd = tracked(fileSource(samplePath('compliant')))
    const faststart = tracked(fileSource(samplePath('compliantFaststart')))
    const a = await readVideoFacts(atEnd.source)
    const b = await readVideoFacts(faststart.source)
    expect(withoutReadCost(a)).toEqual(withoutReadCost(b))
    expect(a.bytesRead).toBe(atEnd.bytes())
    expect(b.bytesRead).toBe(faststart.bytes())
    expect(a.bytesRead).toBeLessThanOrEqual(512 * 1024)
    expect(b.bytesRead).toBeLessThanOrEqual(512 * 1024)
  })

  it('never reads the media data, apart from what the 16 KiB head read at offset 0 takes in', async () => {
    const file = load('compliant')
    const mdat = listBoxes(file).find((b) => b.type === 'mdat')
    if (mdat === undefined) throw new Error('no mdat')
    const t = tracked(bytesSource(file))
    await readVideoFacts(t.source)
    const payload = { from: mdat.start + mdat.headerSize, to: mdat.start + mdat.size }
    const touching = t.reads.filter((r) => r.offset < payload.to && r.offset + r.length > payload.from)
    expect(touching).toEqual([{ offset: 0, length: DEFAULT_READ_LIMITS.headBytes }])
    expect(mdat.size).toBeGreaterThan(500_000)
  })

  it('fetches a faststart moov once, reusing the head', async () => {
    const t = tracked(fileSource(samplePath('compliantFaststart')))
    await readVideoFacts(t.source)
    const starts = t.reads.map((r) => r.offset)
    expect(new Set(starts).size).toBe(starts.length)
    expect(t.reads.length).toBeLessThanOrEqual(3)
  })

  it('gives the same facts from a file path, a byte array, a Blob and HTTP with Range', async () => {
    const file = load('compliant')
    const fromFile = await readVideoFacts(fileSource(samplePath('compliant')))
    const fromBytes = await readVideoFacts(bytesSource(file))
    const fromBlob = await readVideoFacts(blobSource(new Blob([new Uint8Array(file)])))
    const server = await serve(file, 'range')
    try {
      const fromHttp = await readVideoFacts(httpSource(`${server.url}/video.mp4`))
      expect(fromBytes).toEqual(fromFile)
      expect(fromBlob).toEqual(fromFile)
      expect(fromHttp).toEqual(fromFile)
      // One probe for the size, the head, the mdat header, the moov, one last header check.
      expect(server.requests.length).toBeLessThanOrEqual(6)
      expect(server.requests.every((r) => r.range !== undefined)).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('refuses an HTTP server that ignores Range instead of downloading the whole video', async () => {
    const server = await serve(load('compliant'), 'ignore-range')
    try {
      const error: unknown = await readVideoFacts(httpSource(`${server.url}/video.mp4`)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VideoReadError)
    } finally {
      await server.close()
    }
  })

  it('reports a missing stored upload as NOT_FOUND, not as a bad video', async () => {
    const server = await serve(load('compliant'), 'not-found')
    try {
      await expect(readVideoFacts(httpSource(`${server.url}/gone.mp4`))).rejects.toMatchObject({
        name: 'VideoReadError',
        code: ErrorCode.NOT_FOUND
      })
    } finally {
      await server.close()
    }
  })
})

describe('unusual but valid layouts', () => {
  it('reads a moov whose size is 0 (“to the end of the file”)', async () => {
    const file = load('compliant')
    const moov = listBoxes(file).find((b) => b.type === 'moov')
    if (moov === undefined || moov.start + moov.size !== file.length) throw new Error('moov is not last')
    const patched = file.slice()
    new DataView(patched.buffer).setUint32(moov.start, 0)
    const expected = await readVideoFacts(bytesSource(file))
    expect(await readVideoFacts(bytesSource(patched))).toEqual(expected)
  })

  it('skips a 64-bit mdat size and unknown top-level boxes', async () => {
    const file = load('compliant')
    const boxes = listBoxes(file)
    const mdat = boxes.find((b) => b.type === 'mdat')
    const moov = boxes.find((b) => b.type === 'moov')
    if (mdat === undefined || moov === undefined) throw new Error('layout')
    const large = new Uint8Array(16)
    const view = new DataView(large.buffer)
    view.setUint32(0, 1)
    large.set([0x6d, 0x64, 0x61, 0x74], 4)
    view.setUint32(8, 0)
    view.setUint32(12, mdat.size + 8)
    const rebuilt = concat(
      file.subarray(0, mdat.start),
      box('uuid', new Uint8Array(20)),
      box('skip', new Uint8Array(3)),
      large,
      file.subarray(mdat.start + mdat.headerSize, mdat.start + mdat.size),
      file.subarray(moov.start, moov.start + moov.size)
    )
    const original = await readVideoFacts(bytesSource(file))
    const facts = await readVideoFacts(bytesSource(rebuilt))
    expect({ ...facts, fileSizeBytes: 0, bytesRead: 0 }).toEqual({ ...original, fileSizeBytes: 0, bytesRead: 0 })
  })

  it('calls a file without ftyp (classic QuickTime) a mov', async () => {
    const file = load('compliantFaststart')
    const moov = listBoxes(file).find((b) => b.type === 'moov')
    if (moov === undefined) throw new Error('no moov')
    const facts = await readVideoFacts(bytesSource(file.subarray(moov.start)))
    expect(facts.container).toBe('mov')
    expect(facts.durationSec).toBe(540)
  })
})

describe('files that are not a readable MP4', () => {
  it('rejects a zero-byte file as empty', async () => {
    await expectUnreadable(new Uint8Array(0), 'empty')
  })

  it('rejects text and random bytes as not MP4', async () => {
    await expectUnreadable(new TextEncoder().encode('hello, this is a text file\n'), 'notMp4')
    await expectUnreadable(new TextEncoder().encode('abc'), 'notMp4')
    const random = new Uint8Array(65536)
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24
    await expectUnreadable(random, 'notMp4')
  })

  it('rejects a PNG and a WAV as not MP4', async () => {
    await expectUnreadable(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'notMp4')
    await expectUnreadable(new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt '), 'notMp4')
  })

  it.each([10, 40, 200, 5000, 300_000, 600_000, 1_067_131])('rejects the faststart file cut at %i bytes as truncated', async (cut) => {
    await expectUnreadable(load('compliantFaststart').subarray(0, cut), 'truncated')
  })

  it.each([100, 5000, 600_000, 1_067_131])('rejects the moov-at-end file cut at %i bytes as truncated', async (cut) => {
    await expectUnreadable(load('compliant').subarray(0, cut), 'truncated')
  })

  it('rejects a file whose recording never wrote a moov', async () => {
    const file = load('compliant')
    const mdat = listBoxes(file).find((b) => b.type === 'mdat')
    if (mdat === undefined) throw new Error('no mdat')
    await expectUnreadable(file.subarray(0, mdat.start + mdat.size), 'noMoov')
  })

  it('rejects fragmented MP4', async () => {
    await expectUnreadable(load('fragmented'), 'fragmented')
  })

  it('refuses a moov above the size cap', async () => {
    const error: unknown = await readVideoFacts(bytesSource(load('compliant')), { limits: { maxMoovBytes: 100_000 } }).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({ name: 'UnreadableVideoError', reason: 'moovTooLarge' })
  })

  it('rejects a moov with a child box overrunning it as malformed', async () => {
    const file = load('compliantFaststart').slice()
    const trak = listBoxes(file).find((b) => b.type === 'trak')
    if (trak === undefined) throw new Error('no trak')
    new DataView(file.buffer).setUint32(trak.start, 0x7fffffff)
    await expectUnreadable(file, 'malformed')
  })
})

interface Served {
  url: string
  requests: Array<{ range: string | undefined }>
  close: () => Promise<void>
}

/** A loopback file server: honours Range, ignores it, or has nothing. */
const serve = (file: Uint8Array, mode: 'range' | 'ignore-range' | 'not-found'): Promise<Served> => {
  const requests: Served['requests'] = []
  const server: Server = createServer((req, res) => {
    requests.push({ range: req.headers.range })
    if (mode === 'not-found') {
      res.writeHead(404).end()
      return
    }
    const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
    if (mode === 'ignore-range' || match === null) {
      res.writeHead(200, { 'content-length': file.length }).end(Buffer.from(file))
      return
    }
    const first = Number(match[1])
    const last = Math.min(Number(match[2]), file.length - 1)
    res
      .writeHead(206, { 'content-range': `bytes ${first}-${last}/${file.length}`, 'content-length': last - first + 1 })
      .end(Buffer.from(file.subarray(first, last + 1)))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done()))
      })
    })
  })
}
