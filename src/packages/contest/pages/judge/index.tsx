import { useCallback, useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { formatPoints } from '../../../../core/contest'
import { contestPage } from '../../../../components/role-actions'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views'
import { formatDeadline, remaining } from '../../../../lib/time'
import { byRound, entryTitle, useJudging } from '../../../../stores/judging'
import '../../contest.scss'

/** A judge's assignments, round by round, with what is scored and what is still to do. */
export default function JudgePage() {
  const { campaignId = '' } = useRouter().params
  const { status, error, assignments, load } = useJudging()

  const start = useCallback(() => void load(campaignId), [campaignId, load])
  useEffect(start, [start])
  // Back from a score sheet: the store already has the new sheet, but another device may have scored too.
  useDidShow(() => {
    if (useJudging.getState().status === 'ready') void load(campaignId)
  })

  if (status === 'idle' || (status === 'loading' && assignments.length === 0)) return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={start} />
  if (assignments.length === 0) return <EmptyView title='暂无评分任务' hint='主办方分配作品后会显示在这里' />

  const now = Date.now()
  return (
    <View className='contest judge'>
      {byRound(assignments).map(({ round, items }) => {
        const scored = items.filter((a) => a.mySheet !== null).length
        return (
          <View key={round.id}>
            <Text className='contest__section-title'>
              {round.name} · 已评 {scored} / {items.length} ·{' '}
              {round.open ? `${formatDeadline(round.deadlineAt)} 截止（${remaining(round.deadlineAt, now)}）` : '当前不可评分'}
            </Text>
            <CellGroup>
              {items.map((a) => {
                const { title, speaker } = entryTitle(a)
                return (
                  <Cell
                    key={a.entry.entry.id}
                    title={title}
                    description={speaker}
                    extra={a.mySheet ? <Tag type='success'>{formatPoints(a.mySheet.total)} 分</Tag> : <Tag type={round.open ? 'warning' : 'default'}>待评分</Tag>}
                    clickable
                    onClick={() => void Taro.navigateTo({ url: contestPage.score({ campaignId, roundId: round.id, entryId: a.entry.entry.id }) })}
                  />
                )
              })}
            </CellGroup>
          </View>
        )
      })}
    </View>
  )
}
