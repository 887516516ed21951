import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT, SAMPLE_FILES, VIDEO_CACHE_DIR, ensureSampleVideos } from '../../support/videos'

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'check-video.ts')

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

const cli = (...args: string[]): Run => {
  const r = spawnSync(TSX, [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const FACT_KEYS = [
  'container',
  'durationSec',
  'width',
  'height',
  'fps',
  'videoCodec',
  'audioCodec',
  'videoBitrateKbps',
  'fileSizeBytes',
  'bytesRead'
]

interface JsonFile {
  file: string
  ok: boolean
  facts: Record<string, unknown> | null
  problems: Array<{ rule: string; level: string; message: string }>
}

const parse = (stdout: string): JsonFile[] => {
  const doc = JSON.parse(stdout) as { files: JsonFile[] }
  expect(Object.keys(doc)).toEqual(['files'])
  for (const f of doc.files) {
    expect(Object.keys(f)).toEqual(['file', 'ok', 'facts', 'problems'])
    if (f.facts !== null) expect(Object.keys(f.facts)).toEqual(FACT_KEYS)
    for (const p of f.problems) {
      expect(Object.keys(p)).toEqual(['rule', 'level', 'message'])
      expect(['error', 'warning']).toContain(p.level)
      expect(p.message).toMatch(/[\u4e00-\u9fff]/)
    }
  }
  return doc.files
}

const sample = (file: string): string => path.join(VIDEO_CACHE_DIR, file)

let scratch = ''

beforeAll(() => {
  ensureSampleVideos(['compliant', 'compliantFaststart', 'hd720p30', 'quicktime'])
  scratch = mkdtempSync(path.join(tmpdir(), 'check-video-'))
  writeFileSync(path.join(scratch, 'empty.mp4'), new Uint8Array(0))
  writeFileSync(path.join(scratch, 'truncated.mp4'), readFileSync(sample(SAMPLE_FILES.compliantFaststart)).subarray(0, 150_000))
  const random = new Uint8Array(50_000)
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761 + 12345) >>> 24
  writeFileSync(path.join(scratch, 'random.mp4'), random)
  writeFileSync(path.join(scratch, 'notes.txt'), '宣讲稿：第一部分……\n')
}, 300_000)

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
})

describe('check-video CLI', () => {
  it('exits 0 with --json when every file is ok, and prints one JSON document', () => {
    const run = cli('--json', sample(SAMPLE_FILES.compliant), sample(SAMPLE_FILES.compliantFaststart))
    expect(run.status).toBe(0)
    const files = parse(run.stdout)
    expect(files.map((f) => f.ok)).toEqual([true, true])
    expect(files[0]?.facts).toMatchObject({ container: 'mp4', durationSec: 540, width: 1920, height: 1080, fps: 25, videoCodec: 'h264', audioCodec: 'aac' })
    expect(files[0]?.problems.map((p) => p.rule)).toEqual(['bitrate'])
  })

  it('exits 1 when any file is not ok, listing each file in order', () => {
    const run = cli('--json', sample(SAMPLE_FILES.compliant), sample(SAMPLE_FILES.hd720p30), sample(SAMPLE_FILES.quicktime))
    expect(run.status).toBe(1)
    const files = parse(run.stdout)
    expect(files.map((f) => [path.basename(f.file), f.ok])).toEqual([
      [SAMPLE_FILES.compliant, true],
      [SAMPLE_FILES.hd720p30, false],
      [SAMPLE_FILES.quicktime, false]
    ])
    expect(files[1]?.problems.filter((p) => p.level === 'error').map((p) => p.rule)).toEqual(['resolution', 'frameRate'])
    expect(files[2]?.problems[0]).toMatchObject({ rule: 'container', level: 'error' })
  })

  it('reports zero-byte, truncated, random, text and missing files as unreadable, without crashing', () => {
    const names = ['empty.mp4', 'truncated.mp4', 'random.mp4', 'notes.txt', 'missing.mp4']
    const run = cli('--json', ...names.map((n) => path.join(scratch, n)))
    expect(run.status).toBe(1)
    const files = parse(run.stdout)
    expect(files).toHaveLength(names.length)
    for (const f of files) {
      expect(f.ok).toBe(false)
      expect(f.facts).toBeNull()
      expect(f.problems).toHaveLength(1)
      expect(f.problems[0]).toMatchObject({ rule: 'unreadable', level: 'error' })
    }
    expect(files.map((f) => f.problems[0]?.message)).toEqual([
      expect.stringContaining('空'),
      expect.stringContaining('不完整'),
      expect.stringContaining('不是 MP4'),
      expect.stringContaining('不是 MP4'),
      expect.stringContaining('找不到文件')
    ])
    expect(run.stderr).toBe('')
  })

  it('prints a readable table by default, with each problem under its file', () => {
    const run = cli(sample(SAMPLE_FILES.compliant), sample(SAMPLE_FILES.hd720p30), path.join(scratch, 'random.mp4'))
    expect(run.status).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^结果\s+文件\s+容器\s+时长\s+画面\s+帧率/)
    expect(lines[1]).toMatch(new RegExp(`^合格\\s+${SAMPLE_FILES.compliant}\\s+MP4\\s+9分钟\\s+1920×1080\\s+25\\s`))
    expect(run.stdout).toMatch(new RegExp(`不合格\\s+${SAMPLE_FILES.hd720p30}\\s+MP4\\s+9分钟\\s+1280×720\\s+30\\s`))
    expect(run.stdout).toContain('✗ 错误 [resolution]')
    expect(run.stdout).toContain('! 提醒 [bitrate]')
    expect(run.stdout).toContain('✗ 错误 [unreadable]')
    expect(lines[lines.length - 1]).toBe('共 3 个文件：1 个合格，2 个不合格。')
    expect(() => JSON.parse(run.stdout)).toThrow()
  })

  it.each([
    ['no file', []],
    ['an unknown option', ['--yaml', 'x.mp4']],
    ['only --json', ['--json']]
  ])('exits 2 on a usage error: %s', (_what, args) => {
    const run = cli(...args)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('用法')
  })

  it('prints usage on --help and exits 0', () => {
    const run = cli('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('--json')
  })

  it('takes a file named like an option after --', () => {
    const run = cli('--json', '--', path.join(scratch, 'empty.mp4'))
    expect(run.status).toBe(1)
    expect(parse(run.stdout)[0]?.problems[0]?.rule).toBe('unreadable')
  })

  it('works through npm run --silent with nothing but JSON on stdout', () => {
    const r = spawnSync('npm', ['run', '--silent', 'check-video', '--', '--json', sample(SAMPLE_FILES.compliant)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000
    })
    expect(r.status).toBe(0)
    expect(parse(r.stdout)[0]?.ok).toBe(true)
  })
})
