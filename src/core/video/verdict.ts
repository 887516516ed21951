import type { VideoContainer, VideoFacts } from './facts'
import { DEFAULT_VIDEO_SPEC, type VideoSpec } from './spec'
import { formatBitrate, formatBytes, formatDuration, formatFps, trim } from './format'

/** Every rule a verdict can name, in the order problems are listed. */
export const VIDEO_RULES = [
  'unreadable',
  'container',
  'videoTrack',
  'videoCodec',
  'resolution',
  'frameRate',
  'duration',
  'audio',
  'bitrate',
  'fileSize'
] as const
export type VideoRule = (typeof VIDEO_RULES)[number]

export type ProblemLevel = 'error' | 'warning'

export interface VideoProblem {
  rule: VideoRule
  level: ProblemLevel
  /** Chinese, shown to the speaker as it is, and always says how to fix it. */
  message: string
}

export interface VideoVerdict {
  /** True iff no problem is an error; warnings alone do not block an upload. */
  ok: boolean
  problems: VideoProblem[]
}

/** Why a file could not be read as an MP4 at all (the reader's typed error carries one). */
export const UNREADABLE_REASONS = [
  'empty',
  'notMp4',
  'truncated',
  'noMoov',
  'moovTooLarge',
  'fragmented',
  'malformed'
] as const
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number]

const REEXPORT = '请用剪映等工具重新导出为 MP4（H.264、1080p、25 帧）后再试。'

const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  empty: '文件是空的（0 字节）。请重新选择视频，或从原设备重新导出后再试。',
  notMp4: `这不是 MP4 视频文件。${REEXPORT}`,
  truncated: '视频文件不完整（可能没有下载或传输完）。请从原设备重新导出或重新下载完整文件后再试。',
  noMoov: `视频缺少索引信息（moov），可能录制没有正常结束。${REEXPORT}`,
  moovTooLarge: `视频的索引信息大得异常，无法检查（时长可能远超规定）。请剪辑到规定时长，${REEXPORT}`,
  fragmented: `这是分段（fMP4）格式的视频，无法检查。${REEXPORT}`,
  malformed: `视频文件头已损坏，无法读取。${REEXPORT}`
}

export const unreadableMessage = (reason: UnreadableReason): string => UNREADABLE_MESSAGES[reason]

/** The verdict for a file that is not a readable MP4: one error, rule `unreadable`. */
export const unreadableVerdict = (reason: UnreadableReason): VideoVerdict => ({
  ok: false,
  problems: [{ rule: 'unreadable', level: 'error', message: unreadableMessage(reason) }]
})

const CONTAINER_NAMES: Record<VideoContainer, string> = {
  mp4: 'MP4',
  mov: 'QuickTime MOV',
  '3gp': '3GP',
  other: '非标准'
}

const CODEC_NAMES: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC（H.265）',
  av1: 'AV1',
  vp9: 'VP9',
  vp8: 'VP8',
  mpeg4: 'MPEG-4 Part 2',
  prores: 'ProRes'
}
const codecName = (codec: string): string => CODEC_NAMES[codec] ?? codec

const IPHONE_COMPATIBLE = 'iPhone：设置 → 相机 → 格式 → 选“兼容性最佳”后重新拍摄'

const checkContainer = (facts: VideoFacts, spec: VideoSpec): VideoProblem | null => {
  if (spec.containers.includes(facts.container)) return null
  const wanted = spec.containers.map((c) => CONTAINER_NAMES[c]).join(' 或 ')
  const fix =
    facts.container === 'mov'
      ? `${IPHONE_COMPATIBLE}；已拍好的视频用剪映导出为 ${wanted}。`
      : `请用剪映等工具导出为 ${wanted} 后再上传。`
  return {
    rule: 'container',
    level: 'error',
    message: `视频是 ${CONTAINER_NAMES[facts.container]} 格式，需要 ${wanted}。${fix}`
  }
}

const checkVideoCodec = (codec: string, spec: VideoSpec): VideoProblem | null => {
  if (spec.videoCodecs.includes(codec)) return null
  const wanted = spec.videoCodecs.map(codecName).join(' 或 ')
  const exportFix = `用剪映导出时把编码选为 ${wanted}`
  const fix = codec === 'hevc' ? `${IPHONE_COMPATIBLE}；已拍好的视频${exportFix}。` : `请${exportFix}。`
  return {
    rule: 'videoCodec',
    level: 'error',
    message: `视频编码是 ${codecName(codec)}，需要 ${wanted}。${fix}`
  }
}

const checkResolution = (facts: VideoFacts, want: { width: number; height: number }): VideoProblem | null => {
  const { width, height } = facts
  const wanted = `${want.width}×${want.height}`
  const preset = `${Math.min(want.width, want.height)}p`
  if (width === null || height === null) {
    return { rule: 'resolution', level: 'error', message: `无法读取画面尺寸，需要 ${wanted}。${REEXPORT}` }
  }
  if (width === want.width && height === want.height) return null
  const wantLandscape = want.width > want.height
  const isLandscape = width > height
  if (wantLandscape && !isLandscape) {
    return {
      rule: 'resolution',
      level: 'error',
      message: `画面是竖屏 ${width}×${height}，需要横屏 ${wanted}。请横握手机重新拍摄，或在剪映中把画面比例设为 16:9 后以 ${preset} 导出。`
    }
  }
  if (!wantLandscape && isLandscape && want.width !== want.height) {
    return {
      rule: 'resolution',
      level: 'error',
      message: `画面是横屏 ${width}×${height}，需要竖屏 ${wanted}。请竖握手机重新拍摄，或在剪映中把画面比例设为 9:16 后以 ${preset} 导出。`
    }
  }
  return {
    rule: 'resolution',
    level: 'error',
    message: `画面分辨率是 ${width}×${height}，需要 ${wanted}。导出时把分辨率选为 ${preset}（${wanted}），拍摄时也请选 ${preset}。`
  }
}

const checkFrameRate = (fps: number | null, want: { target: number; tolerance: number }): VideoProblem | null => {
  const lo = want.target - want.tolerance
  const hi = want.target + want.tolerance
  const target = trim(want.target, 3)
  const exportFix = `导出时把帧率设为 ${target} fps`
  // PAL formats are where iPhones hide 25 fps; only worth saying when 25 is the target.
  const iphone = want.target === 25 ? '；iPhone 可在 设置 → 相机 → 录制视频 中打开“显示 PAL 格式”，选 1080p HD/25 fps 拍摄' : ''
  if (fps === null) {
    return { rule: 'frameRate', level: 'error', message: `无法读取帧率，需要 ${target} 帧/秒。${exportFix}${iphone}。` }
  }
  if (fps >= lo && fps <= hi) return null
  return {
    rule: 'frameRate',
    level: 'error',
    message: `帧率是 ${formatFps(fps)} 帧/秒，需要 ${target} 帧/秒（允许 ${trim(lo, 3)}–${trim(hi, 3)}）。${exportFix}${iphone}。`
  }
}

/** "8–10 分钟" when both ends are whole minutes, else both spelled out. */
const durationSpan = (min: number, max: number): string =>
  min % 60 === 0 && max % 60 === 0 && min > 0
    ? `${min / 60}–${max / 60} 分钟`
    : `${formatDuration(min)}–${formatDuration(max)}`

/** "6–10 Mbps" when both ends are in Mbps, else both spelled out. */
const bitrateSpan = (min: number, max: number): string =>
  min >= 1000 ? `${trim(min / 1000, 1)}–${formatBitrate(max)}` : `${formatBitrate(min)}–${formatBitrate(max)}`

const checkDuration = (seconds: number, want: { min: number; max: number }): VideoProblem | null => {
  if (seconds >= want.min && seconds <= want.max) return null
  const span = durationSpan(want.min, want.max)
  if (seconds < want.min) {
    const missing = formatDuration(Math.max(1, Math.ceil(want.min - seconds)))
    return {
      rule: 'duration',
      level: 'error',
      message: `时长 ${formatDuration(seconds)}，需要 ${span}。还差约 ${missing}，请补充内容后重新导出。`
    }
  }
  const excess = formatDuration(Math.max(1, Math.ceil(seconds - want.max)))
  return {
    rule: 'duration',
    level: 'error',
    message: `时长 ${formatDuration(seconds)}，超过上限 ${formatDuration(want.max)}（要求 ${span}）。请剪掉约 ${excess} 后重新导出。`
  }
}

const checkBitrate = (kbps: number, want: { min: number; max: number }): VideoProblem | null => {
  if (kbps >= want.min && kbps <= want.max) return null
  const span = bitrateSpan(want.min, want.max)
  const mid = formatBitrate((want.min + want.max) / 2)
  const fix = `导出时把码率设为 ${mid} 左右（剪映：导出 → 码率 → 自定义）。`
  const effect = kbps < want.min ? `低于建议的 ${span}，画面可能不清晰` : `高于建议的 ${span}，文件偏大、上传慢`
  return { rule: 'bitrate', level: 'warning', message: `视频码率约 ${formatBitrate(kbps)}，${effect}。${fix}` }
}

const checkFileSize = (bytes: number, max: number, spec: VideoSpec): VideoProblem | null => {
  if (bytes <= max) return null
  const bitrate = spec.videoBitrateKbps
  const fix =
    bitrate === null
      ? '请降低码率或剪短后重新导出。'
      : `请把码率降到 ${formatBitrate((bitrate.min + bitrate.max) / 2)} 左右重新导出。`
  return {
    rule: 'fileSize',
    level: 'error',
    message: `文件大小 ${formatBytes(bytes)}，超过上限 ${formatBytes(max)}。${fix}`
  }
}

/** Checks facts read from a file's headers against a campaign's VideoSpec. Pure. */
export const evaluateVideo = (facts: VideoFacts, spec: VideoSpec = DEFAULT_VIDEO_SPEC): VideoVerdict => {
  const found: Array<VideoProblem | null> = [checkContainer(facts, spec)]
  const hasVideo = facts.videoCodec !== null
  if (facts.videoCodec === null) {
    found.push({
      rule: 'videoTrack',
      level: 'error',
      message: '文件里没有视频画面（可能只有声音）。请上传录有画面的视频，并用剪映等工具导出为 MP4 后再试。'
    })
  } else {
    found.push(checkVideoCodec(facts.videoCodec, spec))
    if (spec.resolution !== null) found.push(checkResolution(facts, spec.resolution))
    if (spec.frameRate !== null) found.push(checkFrameRate(facts.fps, spec.frameRate))
  }
  if (spec.durationSec !== null) found.push(checkDuration(facts.durationSec, spec.durationSec))
  if (spec.requireAudio && facts.audioCodec === null) {
    found.push({
      rule: 'audio',
      level: 'error',
      message: '视频没有声音（没有音轨）。请确认拍摄时麦克风没有被关闭、导出时没有选择静音，然后重新导出。'
    })
  }
  // An unknown bitrate is no reason to warn: the warning is advice, not a gate.
  if (hasVideo && spec.videoBitrateKbps !== null && facts.videoBitrateKbps !== null) {
    found.push(checkBitrate(facts.videoBitrateKbps, spec.videoBitrateKbps))
  }
  if (spec.maxFileSizeBytes !== null) found.push(checkFileSize(facts.fileSizeBytes, spec.maxFileSizeBytes, spec))
  const problems = found.filter((p): p is VideoProblem => p !== null)
  return { ok: problems.every((p) => p.level !== 'error'), problems }
}
