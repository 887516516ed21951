import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { formatBytes, formatDuration } from '../../../../core/video'
import { EmptyView } from '../../../../components/state-views'
import { VerdictView } from '../../components/verdict-view'
import { cameraHint, pickSources } from '../../services/device'
import { useVideoCheck } from '../../store'
import './index.scss'

const sourceLabel = { album: '从相册选择', chat: '从聊天记录选择' } as const

/**
 * Pick → check on the phone (header boxes only) → upload only a passing video → the cloud checks again.
 * A wrong video is caught before a single byte of it is uploaded.
 */
export default function VideoCheckPage() {
  const { params } = useRouter()
  const entryId = params.entryId ?? ''
  const s = useVideoCheck()

  useEffect(() => {
    if (entryId) void s.open(entryId)
    // Opening once per entry is the point; the store's functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entryId])

  if (!entryId) return <EmptyView title='没有指定参赛作品' />
  const { spec } = s
  const busy = s.phase === 'reading' || s.phase === 'uploading' || s.phase === 'verifying'

  return (
    <View className='video-check'>
      <View className='video-check__rules'>
        <Text className='video-check__heading'>{s.entryTitle ? `《${s.entryTitle}》的视频` : '宣讲视频'}</Text>
        <Text className='video-check__rule'>
          要求：MP4（H.264）、{spec.resolution ? `${spec.resolution.width}×${spec.resolution.height} 横屏` : '分辨率不限'}、
          {spec.frameRate ? `${spec.frameRate.target} 帧/秒` : '帧率不限'}、
          {spec.durationSec ? `${formatDuration(spec.durationSec.min)}—${formatDuration(spec.durationSec.max)}` : '时长不限'}、有声音
          {spec.maxFileSizeBytes ? `，不超过 ${formatBytes(spec.maxFileSizeBytes)}` : ''}。
        </Text>
        <Text className='video-check__hint'>{cameraHint}</Text>
        <Text className='video-check__hint'>选好后先在手机上检查，只读取文件开头的索引信息，不耗费流量；合格才会上传。</Text>
      </View>

      <View className='video-check__pick'>
        {pickSources.map((from) => (
          <Button key={from} type={s.local ? 'default' : 'primary'} disabled={busy} onClick={() => void s.choose(from)}>
            {s.local ? `重新${sourceLabel[from]}` : sourceLabel[from]}
          </Button>
        ))}
      </View>

      {s.phase === 'reading' ? <Text className='video-check__status'>正在检查视频…</Text> : null}

      {s.local && s.picked ? <VerdictView title={`手机检查：${s.picked.name}`} facts={s.local.facts} verdict={s.local.verdict} /> : null}

      {s.local?.verdict.ok && (s.phase === 'checked' || s.phase === 'error') ? (
        <View className='video-check__actions'>
          <Button type='primary' block onClick={() => void s.upload()}>
            上传视频（{s.picked ? formatBytes(s.picked.size) : ''}，建议连接 Wi-Fi）
          </Button>
        </View>
      ) : null}
      {s.local && !s.local.verdict.ok ? <Text className='video-check__status'>请按上面的提示修改视频后重新选择，不合格的视频不会上传。</Text> : null}

      {s.phase === 'uploading' || s.phase === 'verifying' ? (
        <View className='video-check__progress'>
          <Progress percent={Math.round(s.progress * 100)} showText />
          <Text className='video-check__status'>{s.phase === 'uploading' ? '正在上传，网络中断后会从断点继续…' : '上传完成，云端正在复核…'}</Text>
        </View>
      ) : null}

      {s.cloud ? <VerdictView title='云端复核（以此为准）' facts={s.cloud.facts} verdict={s.cloud.verdict} /> : null}
      {s.phase === 'done' && s.cloud?.verdict.ok ? (
        <View className='video-check__actions'>
          <Button type='primary' block onClick={() => void Taro.navigateBack()}>
            完成，返回作品
          </Button>
        </View>
      ) : null}

      {s.phase === 'error' && s.error ? (
        <View className='video-check__error' role='alert'>
          {s.error}
        </View>
      ) : null}
    </View>
  )
}
