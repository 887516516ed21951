import {
  DEFAULT_VIDEO_SPEC,
  GIB,
  UNREADABLE_REASONS,
  evaluateVideo,
  parseVideoSpec,
  unreadableVerdict,
  type VideoFacts,
  type VideoRule
} from '../../../src/core/video'

/** A file that meets every default rule, bitrate included. */
const good: VideoFacts = {
  container: 'mp4',
  durationSec: 540,
  width: 1920,
  height: 1080,
  fps: 25,
  videoCodec: 'h264',
  audioCodec: 'aac',
  videoBitrateKbps: 8000,
  fileSizeBytes: 540_000_000,
  bytesRead: 300_000
}

const verdictOf = (change: Partial<VideoFacts>) => evaluateVideo({ ...good, ...change })
const rules = (change: Partial<VideoFacts>): VideoRule[] => verdictOf(change).problems.map((p) => p.rule)
const only = (change: Partial<VideoFacts>, rule: VideoRule) => {
  const verdict = verdictOf(change)
  expect(verdict.problems.map((p) => p.rule)).toEqual([rule])
  const problem = verdict.problems[0]
  if (problem === undefined) throw new Error('no problem')
  return { verdict, problem }
}

describe('evaluateVideo with the default spec', () => {
  it('passes a compliant file with no problems at all', () => {
    expect(evaluateVideo(good)).toEqual({ ok: true, problems: [] })
    expect(evaluateVideo(good, DEFAULT_VIDEO_SPEC)).toEqual({ ok: true, problems: [] })
  })

  describe('container', () => {
    it('rejects QuickTime .mov with the iPhone “兼容性最佳” fix', () => {
      const { verdict, problem } = only({ container: 'mov' }, 'container')
      expect(verdict.ok).toBe(false)
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('QuickTime')
      expect(problem.message).toContain('设置 → 相机 → 格式 → 选“兼容性最佳”')
      expect(problem.message).toContain('MP4')
    })

    it.each(['3gp', 'other'] as const)('rejects %s and says to export as MP4', (container) => {
      const { problem } = only({ container }, 'container')
      expect(problem.message).toContain('导出为 MP4')
    })
  })

  describe('video track and codec', () => {
    it('reports a missing video track and skips the rules that need one', () => {
      const { problem } = only(
        { videoCodec: null, width: null, height: null, fps: null, videoBitrateKbps: null },
        'videoTrack'
      )
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('没有视频画面')
    })

    it('rejects HEVC with the iPhone setting and the export fix', () => {
      const { problem } = only({ videoCodec: 'hevc' }, 'videoCodec')
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('HEVC（H.265）')
      expect(problem.message).toContain('设置 → 相机 → 格式 → 选“兼容性最佳”')
      expect(problem.message).toContain('编码选为 H.264')
    })

    it('names an unknown codec as it is and says how to re-export', () => {
      const { problem } = only({ videoCodec: 'vp9' }, 'videoCodec')
      expect(problem.message).toContain('VP9')
      expect(problem.message).toContain('编码选为 H.264')
      expect(problem.message).not.toContain('iPhone')
    })
  })

  describe('resolution', () => {
    it('rejects a portrait video and says to film landscape', () => {
      const { problem } = only({ width: 1080, height: 1920 }, 'resolution')
      expect(problem.message).toContain('竖屏 1080×1920')
      expect(problem.message).toContain('横屏 1920×1080')
      expect(problem.message).toContain('横握手机')
    })

    it('rejects 720p and says to export 1080p', () => {
      const { problem } = only({ width: 1280, height: 720 }, 'resolution')
      expect(problem.message).toContain('1280×720')
      expect(problem.message).toContain('1080p')
    })

    it('rejects 4K as well: the size is exact, not a minimum', () => {
      expect(rules({ width: 3840, height: 2160 })).toEqual(['resolution'])
    })

    it('reports an unknown size as an error', () => {
      const { problem } = only({ width: null, height: null }, 'resolution')
      expect(problem.message).toContain('无法读取画面尺寸')
    })
  })

  describe('frame rate (25 ± 0.5 inclusive)', () => {
    it.each([24.5, 24.98, 25, 25.02, 25.5])('accepts %s fps', (fps) => {
      expect(rules({ fps })).toEqual([])
    })

    it.each([24.49, 25.51, 29.97, 30, 50, 60])('rejects %s fps with the 25 fps fix', (fps) => {
      const { problem } = only({ fps }, 'frameRate')
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('25 fps')
      expect(problem.message).toContain('显示 PAL 格式')
    })

    it('shows a fractional rate with two decimals', () => {
      expect(only({ fps: 29.97002997 }, 'frameRate').problem.message).toContain('帧率是 29.97 帧/秒')
    })

    it('reports an unknown frame rate', () => {
      expect(only({ fps: null }, 'frameRate').problem.message).toContain('无法读取帧率')
    })
  })

  describe('duration (480–600 s inclusive)', () => {
    it.each([480, 540, 600])('accepts %s s', (durationSec) => {
      expect(rules({ durationSec })).toEqual([])
    })

    it('rejects 479.9 s and says how much is missing', () => {
      const { problem } = only({ durationSec: 479.9 }, 'duration')
      expect(problem.message).toContain('8–10 分钟')
      expect(problem.message).toContain('还差约 1秒')
    })

    it('rejects 3 minutes and says to add content', () => {
      const { problem } = only({ durationSec: 180 }, 'duration')
      expect(problem.message).toContain('时长 3分钟')
      expect(problem.message).toContain('还差约 5分钟')
      expect(problem.message).toContain('补充内容')
    })

    it('rejects 600.1 s and says how much to trim', () => {
      const { problem } = only({ durationSec: 600.1 }, 'duration')
      expect(problem.message).toContain('超过上限 10分钟')
      expect(problem.message).toContain('剪掉约 1秒')
    })

    it('rejects 11 minutes and says to trim one minute', () => {
      expect(only({ durationSec: 660 }, 'duration').problem.message).toContain('剪掉约 1分钟')
    })
  })

  describe('audio', () => {
    it('rejects a silent file and says to check the microphone and export', () => {
      const { problem } = only({ audioCodec: null }, 'audio')
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('没有声音')
      expect(problem.message).toContain('麦克风')
    })
  })

  describe('bitrate (6–10 Mbps inclusive, warning only)', () => {
    it.each([6000, 8000, 10000])('accepts %s kbps', (videoBitrateKbps) => {
      expect(rules({ videoBitrateKbps })).toEqual([])
    })

    it('warns below 6 Mbps but the file stays ok', () => {
      const { verdict, problem } = only({ videoBitrateKbps: 5999 }, 'bitrate')
      expect(verdict.ok).toBe(true)
      expect(problem.level).toBe('warning')
      expect(problem.message).toContain('低于建议的 6–10 Mbps')
      expect(problem.message).toContain('8 Mbps')
    })

    it('warns above 10 Mbps but the file stays ok', () => {
      const { verdict, problem } = only({ videoBitrateKbps: 10001 }, 'bitrate')
      expect(verdict.ok).toBe(true)
      expect(problem.message).toContain('高于建议的 6–10 Mbps')
    })

    it('shows a tiny bitrate in kbps rather than “0 Mbps”', () => {
      expect(only({ videoBitrateKbps: 9 }, 'bitrate').problem.message).toContain('约 9 kbps')
    })

    it('does not warn when the bitrate is unknown', () => {
      expect(rules({ videoBitrateKbps: null })).toEqual([])
    })
  })

  describe('file size (≤ 1 GiB inclusive)', () => {
    it('accepts exactly 1 GiB', () => {
      expect(rules({ fileSizeBytes: GIB })).toEqual([])
    })

    it('rejects one byte more and says to lower the bitrate', () => {
      const { problem } = only({ fileSizeBytes: GIB + 1 }, 'fileSize')
      expect(problem.level).toBe('error')
      expect(problem.message).toContain('超过上限 1 GB')
      expect(problem.message).toContain('8 Mbps')
    })
  })

  it('lists several problems in rule order, and one error is enough to fail', () => {
    const verdict = verdictOf({ container: 'mov', videoCodec: 'hevc', fps: 30, durationSec: 60, audioCodec: null, videoBitrateKbps: 20000 })
    expect(verdict.ok).toBe(false)
    expect(verdict.problems.map((p) => p.rule)).toEqual(['container', 'videoCodec', 'frameRate', 'duration', 'audio', 'bitrate'])
    expect(verdict.problems.map((p) => p.level)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning'])
  })

  it('writes every message in Chinese', () => {
    const verdict = verdictOf({ container: 'mov', videoCodec: 'hevc', width: 1280, height: 720, fps: 30, durationSec: 60, audioCodec: null, videoBitrateKbps: 20000, fileSizeBytes: 2 * GIB })
    expect(verdict.problems).toHaveLength(8)
    for (const p of verdict.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('evaluateVideo with a campaign spec', () => {
  it('uses the campaign’s numbers in checks and messages', () => {
    const spec = parseVideoSpec({
      resolution: { width: 1280, height: 720 },
      frameRate: { target: 30, tolerance: 0.1 },
      durationSec: { min: 180, max: 300 }
    })
    const facts = { ...good, width: 1280, height: 720, fps: 29.97, durationSec: 200 }
    expect(evaluateVideo(facts, spec).problems.map((p) => p.rule)).toEqual([])
    const wrong = evaluateVideo({ ...facts, fps: 25, durationSec: 400 }, spec)
    expect(wrong.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('需要 30 帧/秒（允许 29.9–30.1）'),
      expect.stringContaining('要求 3–5 分钟')
    ])
    // The iPhone PAL hint only makes sense for 25 fps.
    expect(wrong.problems[0]?.message).not.toContain('PAL')
  })

  it('skips checks a campaign turned off with null', () => {
    const spec = parseVideoSpec({ resolution: null, frameRate: null, durationSec: null, videoBitrateKbps: null, maxFileSizeBytes: null, requireAudio: false })
    expect(evaluateVideo({ ...good, width: 640, height: 480, fps: 60, durationSec: 5, audioCodec: null, videoBitrateKbps: 1, fileSizeBytes: 5 * GIB }, spec)).toEqual({ ok: true, problems: [] })
  })

  it('accepts .mov and HEVC when a campaign allows them', () => {
    const spec = parseVideoSpec({ containers: ['mp4', 'mov'], videoCodecs: ['h264', 'hevc'] })
    expect(evaluateVideo({ ...good, container: 'mov', videoCodec: 'hevc' }, spec).ok).toBe(true)
    expect(evaluateVideo({ ...good, container: '3gp' }, spec).problems[0]?.message).toContain('需要 MP4 或 QuickTime MOV')
  })

  it('asks for portrait when the campaign wants portrait', () => {
    const spec = parseVideoSpec({ resolution: { width: 1080, height: 1920 } })
    expect(evaluateVideo({ ...good, width: 1080, height: 1920 }, spec).ok).toBe(true)
    expect(evaluateVideo(good, spec).problems[0]?.message).toContain('需要竖屏 1080×1920')
  })
})

describe('unreadableVerdict', () => {
  it.each(UNREADABLE_REASONS)('gives one Chinese error with a fix for %s', (reason) => {
    const verdict = unreadableVerdict(reason)
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toHaveLength(1)
    expect(verdict.problems[0]?.rule).toBe('unreadable')
    expect(verdict.problems[0]?.level).toBe('error')
    expect(verdict.problems[0]?.message).toMatch(/请/)
  })

  it('tells the reasons apart', () => {
    const messages = new Set(UNREADABLE_REASONS.map((r) => unreadableVerdict(r).problems[0]?.message))
    expect(messages.size).toBe(UNREADABLE_REASONS.length)
  })
})
