import { useEffect } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { CampaignCard } from '../../components/campaign-card'
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views'
import { useCampaigns } from '../../stores/campaigns'

export default function HomePage() {
  const { status, items, error, load } = useCampaigns()

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (status === 'idle' || (status === 'loading' && items.length === 0)) return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={() => void load()} />
  if (items.length === 0) return <EmptyView title='暂无赛事' hint='主办单位发布活动后会显示在这里' />

  const now = Date.now()
  return (
    <View className='home'>
      {items.map((c) => (
        <CampaignCard key={c.id} campaign={c} now={now} onOpen={() => void Taro.navigateTo({ url: `/pages/campaign/index?id=${encodeURIComponent(c.id)}` })} />
      ))}
    </View>
  )
}
