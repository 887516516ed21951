import { View, Text } from '@tarojs/components'
import { formatBitrate, formatBytes, formatDuration, formatFps, type VideoFacts, type VideoVerdict } from '../../../core/video'
import './verdict-view.scss'

const codecName = (codec: string | null): string =>
  codec === null ? '无' : ({ h264: 'H.264', hevc: 'H.265 (HEVC)', aac: 'AAC', mp3: 'MP3' } as Record<string, string>)[codec] ?? codec

/** The facts read from the file and every problem with its fix, errors first. */
export function VerdictView({ facts, verdict, title }: { facts: VideoFacts | null; verdict: VideoVerdict; title: string }) {
  const errors = verdict.problems.filter((p) => p.level === 'error')
  const warnings = verdict.problems.filter((p) => p.level === 'warning')
  return (
    <View className={`verdict ${verdict.ok ? 'verdict--ok' : 'verdict--bad'}`}>
      <Text className='verdict__title'>{title}</Text>
      <Text className='verdict__summary'>{verdict.ok ? (warnings.length ? '符合要求（有提醒）' : '符合要求') : `不符合要求：${errors.length} 项需要修改`}</Text>
      {facts ? (
        <View className='verdict__facts'>
          <Text>时长 {formatDuration(facts.durationSec)}</Text>
          {facts.width !== null && facts.height !== null ? <Text>画面 {facts.width}×{facts.height}</Text> : null}
          {facts.fps !== null ? <Text>帧率 {formatFps(facts.fps)} 帧/秒</Text> : null}
          <Text>视频 {codecName(facts.videoCodec)}</Text>
          <Text>音频 {codecName(facts.audioCodec)}</Text>
          {facts.videoBitrateKbps !== null ? <Text>码率 {formatBitrate(facts.videoBitrateKbps)}</Text> : null}
          <Text>大小 {formatBytes(facts.fileSizeBytes)}</Text>
        </View>
      ) : null}
      {[...errors, ...warnings].map((p) => (
        <View key={p.rule} className={`verdict__problem verdict__problem--${p.level}`}>
          <Text className='verdict__level'>{p.level === 'error' ? '需修改' : '提醒'}</Text>
          <Text className='verdict__message'>{p.message}</Text>
        </View>
      ))}
    </View>
  )
}
