import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { stageLabel } from '../../core/api'
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views'
import { useCampaigns } from '../../stores/campaigns'
import './index.scss'

/** Rankings are shown per track, because tracks are ranked separately. */
export default function RankingPage() {
  const { status, items, error, load } = useCampaigns()

  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])

  if (status === 'idle' || (status === 'loading' && items.length === 0)) return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={() => void load()} />
  if (items.length === 0) return <EmptyView title='暂无排行' />

  return (
    <View className='ranking'>
      {items.map((c) => (
        <CellGroup key={c.id} title={c.name}>
          {c.tracks.map((t) => (
            <Cell
              key={t.id}
              title={t.name}
              extra={c.stage === 'published' ? '查看成绩' : `当前阶段：${stageLabel[c.stage]}`}
            />
          ))}
          {c.stage !== 'published' ? <Text className='ranking__hint'>成绩发布后，各赛道排名将在这里公布。</Text> : null}
        </CellGroup>
      ))}
    </View>
  )
}
