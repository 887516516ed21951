/**
 * `npm run bench:video [-- --runs N --process-runs M --light]`: header-only inspection of a
 * 9-minute 1080p25 file, moov at the end and faststart. Prints figures; asserts nothing.
 *
 * The samples are made once under .cache/bench-videos (git-ignored): a 20-second 8 Mbps clip of
 * noisy test pattern looped by stream copy to 9 minutes (~550 MB, like a real upload), with
 * 128 kbps AAC. `--light` uses a crf-51 file of ~1 MB instead (same moov, same sample count).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'
import { formatBytes } from '../src/core/video/format'
import { readVideoFacts } from '../src/media'
import { fileSource } from '../src/media/file-source.node'

const ROOT = path.resolve(__dirname, '..')
const CACHE = path.join(ROOT, '.cache', 'bench-videos')

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const RUNS = arg('--runs', 50)
const PROCESS_RUNS = arg('--process-runs', 10)
const LIGHT = process.argv.includes('--light')

const ffmpeg = (args: string[]): void => {
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
}

const make = (file: string, buildIt: (out: string) => void): string => {
  const target = path.join(CACHE, file)
  if (existsSync(target) && statSync(target).size > 0) return target
  const temp = target.replace(/\.mp4$/, `.${process.pid}.part.mp4`)
  process.stdout.write(`making ${file} … `)
  const started = performance.now()
  try {
    buildIt(temp)
    renameSync(temp, target)
  } finally {
    rmSync(temp, { force: true })
  }
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  return target
}

const samples = (): { atEnd: string; faststart: string } => {
  mkdirSync(CACHE, { recursive: true })
  const tag = LIGHT ? 'light' : '8mbps'
  const clip = make(`clip-1080p25-20s-${tag}.mp4`, (out) =>
    ffmpeg([
      '-f', 'lavfi', '-i', LIGHT ? 'smptehdbars=size=1920x1080:rate=25' : 'testsrc2=size=1920x1080:rate=25,noise=alls=24:allf=t',
      '-t', '20', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
      ...(LIGHT ? ['-crf', '51'] : ['-b:v', '8M', '-maxrate', '8M', '-bufsize', '16M']),
      '-an', out
    ])
  )
  const atEnd = make(`bench-1080p25-9min-${tag}.mp4`, (out) =>
    ffmpeg([
      '-stream_loop', '26', '-i', clip,
      '-f', 'lavfi', '-t', '540', '-i', 'anullsrc=r=48000:cl=stereo',
      '-map', '0:v', '-map', '1:a', '-c:v', 'copy', '-c:a', 'aac', '-b:a', LIGHT ? '32k' : '128k', out
    ])
  )
  const faststart = make(`bench-1080p25-9min-${tag}-faststart.mp4`, (out) =>
    ffmpeg(['-i', atEnd, '-c', 'copy', '-movflags', '+faststart', out])
  )
  return { atEnd, faststart }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`

/** Where moov sits, for the report. */
const moovOffset = async (file: string): Promise<string> => {
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    let at = 0
    const header = new Uint8Array(16)
    while (at + 8 <= size) {
      await handle.read(header, 0, 16, at)
      const view = new DataView(header.buffer)
      const small = view.getUint32(0)
      const type = String.fromCharCode(...header.subarray(4, 8))
      const boxSize = small === 1 ? view.getUint32(8) * 2 ** 32 + view.getUint32(12) : small === 0 ? size - at : small
      if (type === 'moov') return `moov at ${formatBytes(at)} of ${formatBytes(size)}, ${formatBytes(boxSize)}`
      if (boxSize < 8) break
      at += boxSize
    }
    return 'no moov found'
  } finally {
    await handle.close()
  }
}

const inProcess = async (file: string): Promise<{ bytesRead: number; median: number; min: number; max: number }> => {
  for (let i = 0; i < 5; i++) await readVideoFacts(fileSource(file)) // warm the JIT and the page cache
  const times: number[] = []
  let bytesRead = 0
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const facts = await readVideoFacts(fileSource(file))
    times.push(performance.now() - started)
    bytesRead = facts.bytesRead
  }
  return { bytesRead, median: median(times), min: Math.min(...times), max: Math.max(...times) }
}

/** Wall time of whole processes, interleaved so neither side gets a warmer machine. */
const wholeProcess = (commands: Record<string, string[]>): Record<string, number> => {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
  for (let i = 0; i < PROCESS_RUNS + 1; i++) {
    for (const [name, [command, ...args]] of Object.entries(commands)) {
      if (command === undefined) continue
      const started = performance.now()
      const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
      const elapsed = performance.now() - started
      if (r.status !== 0 && r.status !== 1) throw new Error(`${name} exited ${r.status}: ${r.stderr.toString()}`)
      if (i > 0) times[name]?.push(elapsed) // the first round only warms the page cache
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

/** Bytes each reader pulls over HTTP from a loopback Range server: what a phone or cloud pays. */
const overHttp = async (file: string): Promise<{ ours: number; ffprobe: number }> => {
  let served = 0
  const server = createServer((req, res) => {
    void (async () => {
      const size = statSync(file).size
      const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
      const first = match ? Number(match[1]) : 0
      const last = match && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
      const handle = await open(file, 'r')
      res.writeHead(match ? 206 : 200, {
        'accept-ranges': 'bytes',
        'content-length': last - first + 1,
        ...(match ? { 'content-range': `bytes ${first}-${last}/${size}` } : {})
      })
      const stream = handle.createReadStream({ start: first, end: last })
      stream.on('data', (chunk) => {
        served += chunk.length
      })
      stream.pipe(res)
      res.on('close', () => {
        stream.destroy()
      })
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video.mp4`
  try {
    const { httpSource } = await import('../src/media')
    served = 0
    await readVideoFacts(httpSource(url))
    const ours = served
    served = 0
    // Asynchronously: the server answering ffprobe runs in this very process.
    await new Promise<void>((resolve) => {
      execFile('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', url], { timeout: 60_000 }, () => resolve())
    })
    // ffprobe may leave a response half-read; give the server a moment to count what was sent.
    await new Promise((resolve) => setTimeout(resolve, 200))
    return { ours, ffprobe: served }
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

const main = async (): Promise<void> => {
  const { atEnd, faststart } = samples()
  const bundle = path.join(ROOT, '.cache', 'bench', 'check-video.cjs')
  await build({
    entryPoints: [path.join(ROOT, 'scripts', 'check-video.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    outfile: bundle,
    logLevel: 'error'
  })
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')

  console.log(`\nbench:video — ${RUNS} in-process runs, ${PROCESS_RUNS} whole-process runs each, node ${process.version}`)
  console.log(`bundle for the whole-process run: ${path.relative(ROOT, bundle)} (${formatBytes(statSync(bundle).size)}, esbuild)`)
  for (const [label, file] of [
    ['moov at end', atEnd],
    ['faststart', faststart]
  ] as const) {
    console.log(`\n${label}: ${path.relative(ROOT, file)} — ${await moovOffset(file)}`)
    const mem = await inProcess(file)
    console.log(`  bytes read            ${mem.bytesRead} (${formatBytes(mem.bytesRead)})   goal ≤ 512 KB: ${mem.bytesRead <= 512 * 1024 ? 'met' : 'MISSED'}`)
    console.log(`  in-process            median ${ms(mem.median)} (min ${ms(mem.min)}, max ${ms(mem.max)})   goal ≤ 20 ms: ${mem.median <= 20 ? 'met' : 'MISSED'}`)
    const proc = wholeProcess({
      ours: [process.execPath, bundle, '--json', file],
      ffprobe: ['ffprobe', '-v', 'error', '-show_streams', '-show_format', '-of', 'json', file],
      tsx: [tsx, path.join(ROOT, 'scripts', 'check-video.ts'), '--json', file],
      bare: [process.execPath, '-e', '']
    })
    const ours = proc.ours ?? NaN
    const ff = proc.ffprobe ?? NaN
    console.log(`  whole process, median of ${PROCESS_RUNS}:`)
    console.log(`    node check-video (bundled)   ${ms(ours)}   ${ours < ff ? 'faster' : 'SLOWER'} than ffprobe (×${(ff / ours).toFixed(2)})`)
    console.log(`    ffprobe -show_streams …      ${ms(ff)}`)
    console.log(`    tsx scripts/check-video.ts   ${ms(proc.tsx ?? NaN)}   (what npm run check-video starts, before npm's own start-up)`)
    console.log(`    node -e '' (start-up floor)  ${ms(proc.bare ?? NaN)}`)
    const http = await overHttp(file)
    console.log(`  over HTTP (loopback Range server): ours fetched ${formatBytes(http.ours)}, ffprobe ${formatBytes(http.ffprobe)}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
