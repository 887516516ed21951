/**
 * Checks video files against the default VideoSpec, reading only their header boxes.
 *   npm run --silent check-video -- [--json] FILE...
 * Exit 0 when every file is ok, 1 when any is not (unreadable included), 2 on usage errors.
 */
import path from 'node:path'
import { AppError } from '../src/core/errors'
// Straight to the zod-free modules: zod alone would add ~40 ms to every start.
import type { VideoFacts } from '../src/core/video/facts'
import { formatBitrate, formatBytes, formatDuration, formatFps } from '../src/core/video/format'
import { DEFAULT_VIDEO_SPEC } from '../src/core/video/spec'
import type { VideoProblem } from '../src/core/video/verdict'
import { inspectVideo } from '../src/media'
import { fileSource } from '../src/media/file-source.node'

const USAGE = `用法：npm run --silent check-video -- [--json] 文件...

按默认视频要求（MP4、H.264、1920×1080、25 帧、8–10 分钟、有声音）检查视频，只读取文件头。
  --json      在标准输出打印一个 JSON 文档，而不是表格
  -h, --help  显示本说明
退出码：0 全部合格；1 有不合格或无法读取的文件；2 用法错误。`

interface FileReport {
  file: string
  ok: boolean
  facts: VideoFacts | null
  problems: VideoProblem[]
}

type Args = { json: boolean; files: string[] } | { help: true } | { error: string }

const parseArgs = (argv: string[]): Args => {
  let json = false
  const files: string[] = []
  let optionsDone = false
  for (const arg of argv) {
    if (optionsDone || !arg.startsWith('-') || arg === '-') files.push(arg)
    else if (arg === '--') optionsDone = true
    else if (arg === '--json') json = true
    else if (arg === '-h' || arg === '--help') return { help: true }
    else return { error: `未知选项：${arg}` }
  }
  if (files.length === 0) return { error: '请至少给出一个视频文件。' }
  return { json, files }
}

/** Facts in the documented key order, so the JSON reads the same whoever built the object. */
const orderedFacts = (f: VideoFacts): VideoFacts => ({
  container: f.container,
  durationSec: f.durationSec,
  width: f.width,
  height: f.height,
  fps: f.fps,
  videoCodec: f.videoCodec,
  audioCodec: f.audioCodec,
  videoBitrateKbps: f.videoBitrateKbps,
  fileSizeBytes: f.fileSizeBytes,
  bytesRead: f.bytesRead
})

const checkFile = async (file: string): Promise<FileReport> => {
  try {
    const { facts, verdict } = await inspectVideo(fileSource(file), DEFAULT_VIDEO_SPEC)
    return { file, ok: verdict.ok, facts: facts === null ? null : orderedFacts(facts), problems: verdict.problems }
  } catch (error) {
    // A file we cannot open is as unusable as a broken one; the CLI never crashes on one file.
    const message =
      error instanceof AppError ? error.message : `检查时出错：${String(error)}`
    if (!(error instanceof AppError)) process.stderr.write(`${file}: ${error instanceof Error ? error.stack : String(error)}\n`)
    return { file, ok: false, facts: null, problems: [{ rule: 'unreadable', level: 'error', message }] }
  }
}

/** Terminal columns: CJK and full-width characters take two. */
const displayWidth = (text: string): number => {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
    width += wide ? 2 : 1
  }
  return width
}
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

const CONTAINER_LABELS: Record<VideoFacts['container'], string> = { mp4: 'MP4', mov: 'MOV', '3gp': '3GP', other: '其他' }

const row = (r: FileReport): string[] => {
  const f = r.facts
  const verdict = r.ok ? '合格' : '不合格'
  const name = path.basename(r.file)
  if (f === null) return [verdict, name, '—', '—', '—', '—', '—', '—', '—', '—']
  return [
    verdict,
    name,
    CONTAINER_LABELS[f.container],
    formatDuration(f.durationSec),
    f.width === null || f.height === null ? '—' : `${f.width}×${f.height}`,
    f.fps === null ? '—' : formatFps(f.fps),
    `${f.videoCodec ?? '无画面'}/${f.audioCodec ?? '无声音'}`,
    f.videoBitrateKbps === null ? '—' : formatBitrate(f.videoBitrateKbps),
    formatBytes(f.fileSizeBytes),
    formatBytes(f.bytesRead)
  ]
}

const table = (reports: FileReport[]): string => {
  const header = ['结果', '文件', '容器', '时长', '画面', '帧率', '视频/音频', '视频码率', '大小', '已读取']
  const rows = reports.map(row)
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))))
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd()
  const out = [line(header)]
  reports.forEach((r, i) => {
    out.push(line(rows[i] ?? []))
    for (const p of r.problems) out.push(`    ${p.level === 'error' ? '✗ 错误' : '! 提醒'} [${p.rule}] ${p.message}`)
  })
  const good = reports.filter((r) => r.ok).length
  out.push('', `共 ${reports.length} 个文件：${good} 个合格，${reports.length - good} 个不合格。`)
  return out.join('\n')
}

const main = async (argv: string[]): Promise<number> => {
  const args = parseArgs(argv)
  if ('help' in args) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if ('error' in args) {
    process.stderr.write(`${args.error}\n\n${USAGE}\n`)
    return 2
  }
  const reports: FileReport[] = []
  // One file at a time: memory stays at one moov, and the order matches the command line.
  for (const file of args.files) reports.push(await checkFile(file))
  process.stdout.write(args.json ? `${JSON.stringify({ files: reports }, null, 2)}\n` : `${table(reports)}\n`)
  return reports.every((r) => r.ok) ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`check-video: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 2
  }
)
