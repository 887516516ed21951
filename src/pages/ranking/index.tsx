import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { stageLabel } from '../../core/api'
import { Choices } from '../../components/field'
import { ResultsBoard } from '../../components/results-board'
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views'
import { formatDeadline } from '../../lib/time'
import { useCampaigns } from '../../stores/campaigns'
import { useRanking } from '../../stores/ranking'
import './index.scss'

/** Per track (tracks are ranked separately): audience vote counts while the contest runs, awards once published. */
export default function RankingPage() {
  const { status, items, error, load } = useCampaigns()
  const [picked, setPicked] = useState<string | null>(null)
  const campaign = items.find((c) => c.id === picked) ?? items[0]
  const board = useRanking((s) => (campaign ? s.byId[campaign.id] : undefined))
  const loadBoard = useRanking((s) => s.load)

  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])
  const campaignId = campaign?.id
  // Every visit re-reads the counts: votes keep coming in while the tab sits in the background.
  useDidShow(() => {
    if (campaignId && useRanking.getState().byId[campaignId]?.status === 'ready') void loadBoard(campaignId)
  })
  useEffect(() => {
    if (campaignId) void loadBoard(campaignId)
  }, [campaignId, loadBoard])

  if (status === 'idle' || (status === 'loading' && items.length === 0)) return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={() => void load()} />
  if (!campaign) return <EmptyView title='暂无排行' />

  const results = board?.results ?? null
  const tracks = board?.tracks ?? []
  return (
    <View className='ranking'>
      {items.length > 1 ? (
        <View className='ranking__picker'>
          <Choices value={campaign.id} options={items.map((c) => ({ value: c.id, label: c.name }))} onChange={setPicked} />
        </View>
      ) : null}
      <View className='ranking__head'>
        <Text className='ranking__name'>{campaign.name}</Text>
        <Text className='ranking__stage'>
          {results ? `成绩已发布 · 第 ${results.version} 版 · ${formatDeadline(results.publishedAt)}` : `当前阶段：${stageLabel[campaign.stage]}`}
        </Text>
      </View>

      {!board || (board.status === 'loading' && tracks.length === 0 && results === null) ? <LoadingView /> : null}
      {board?.status === 'error' ? <ErrorView message={board.error ?? '加载失败'} onRetry={() => void loadBoard(campaign.id)} /> : null}

      {results ? <ResultsBoard results={results} /> : board?.status === 'ready' ? <Text className='ranking__hint'>成绩发布后，获奖名单将在这里公布。</Text> : null}

      {board?.status === 'ready'
        ? tracks.map((t) => (
            <CellGroup key={t.trackId} title={`观众投票 · ${t.trackName}`}>
              {t.rows.length === 0 ? <Cell title='投票开放后，这里显示实时票数' /> : null}
              {t.rows.map((r) => (
                <Cell key={r.entryId} title={`${r.position}. ${r.title}`} description={`${r.speakerName ?? ''} · ${r.unitName}`} extra={`${r.votes} 票`} />
              ))}
            </CellGroup>
          ))
        : null}
    </View>
  )
}
