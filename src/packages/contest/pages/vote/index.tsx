import { useCallback, useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { NoticeBar } from '../../../../components/notice'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views'
import { useVotes, voteBlocker } from '../../../../stores/votes'
import '../../contest.scss'
import './index.scss'

/** Audience voting: the entries of each track with their counts, and what is left of today's votes. */
export default function VotePage() {
  const { campaignId = '' } = useRouter().params
  const { status, error, tracks, mine, castingId, notice, load, cast } = useVotes()

  const start = useCallback(() => void load(campaignId), [campaignId, load])
  useEffect(start, [start])

  if (status === 'idle' || (status === 'loading' && tracks.length === 0)) return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={start} />

  const allEmpty = tracks.every((t) => t.rows.length === 0)
  const summary = mine === null ? '登录后即可投票' : !mine.open ? '当前不在投票时间内' : `今日剩余 ${mine.remaining} / ${mine.dailyCap} 票，每件作品每天限投 1 票`

  return (
    <View className='contest vote'>
      <View className='contest__hero'>
        <Text className='contest__title'>观众投票</Text>
        <Text className='contest__sub' data-testid='vote-remaining'>
          {summary}
        </Text>
      </View>
      <NoticeBar notice={notice} />
      {allEmpty ? <EmptyView title='暂无可投票的作品' hint='复赛、决赛的投票开放后，入围作品会显示在这里' /> : null}
      {tracks
        .filter((t) => t.rows.length > 0)
        .map((t) => (
          <CellGroup key={t.trackId} title={t.trackName}>
            {t.rows.map((r) => {
              const blocker = voteBlocker(mine, r.entryId)
              return (
                <Cell
                  key={r.entryId}
                  title={r.title}
                  description={`${r.speakerName ?? ''} · ${r.unitName}`}
                  extra={
                    <View className='vote__side'>
                      <Text className='vote__count'>{r.votes} 票</Text>
                      <Button size='small' type='primary' disabled={blocker !== null || castingId !== null} loading={castingId === r.entryId} onClick={() => void cast(r.entryId)}>
                        {blocker ?? '投票'}
                      </Button>
                    </View>
                  }
                />
              )
            })}
          </CellGroup>
        ))}
    </View>
  )
}
