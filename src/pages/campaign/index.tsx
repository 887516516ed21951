import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { stageLabel } from '../../core/api'
import { campaignLinks, RoleActions } from '../../components/role-actions'
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views'
import { formatDeadline } from '../../lib/time'
import { useCampaignDetail } from '../../stores/campaign-detail'
import { useMe } from '../../stores/me'
import './index.scss'

/** One campaign: its stage calendar (the server's deadlines), tracks, topic menu and units. */
export default function CampaignPage() {
  const { params } = useRouter()
  const campaignId = params.id ?? ''
  const state = useCampaignDetail((s) => s.byId[campaignId])
  const load = useCampaignDetail((s) => s.load)
  const me = useMe((s) => s.me)

  useEffect(() => {
    if (campaignId) void load(campaignId)
    void useMe.getState().ensure()
  }, [campaignId, load])

  if (!campaignId) return <EmptyView title='没有指定活动' />
  if (!state || (state.status === 'loading' && !state.detail)) return <LoadingView />
  if (state.status === 'error' || !state.detail) return <ErrorView message={state.error ?? '加载失败'} onRetry={() => void load(campaignId)} />

  const c = state.detail
  const current = c.stages.findIndex((s) => s.stage === c.stage)
  return (
    <View className='campaign'>
      <View className='campaign__hero'>
        <Text className='campaign__name'>{c.name}</Text>
        <Text className='campaign__summary'>{c.summary}</Text>
      </View>

      {me ? <RoleActions title='我的参与' links={campaignLinks(me, c)} /> : null}

      <CellGroup title='赛程'>
        {c.stages.map((s, i) => (
          <Cell
            key={s.stage}
            className={i === current ? 'campaign__stage campaign__stage--current' : 'campaign__stage'}
            title={stageLabel[s.stage]}
            description={s.deadlineAt !== null ? `${formatDeadline(s.deadlineAt)} 截止` : undefined}
            extra={i < current ? '已结束' : i === current ? '进行中' : '未开始'}
          />
        ))}
      </CellGroup>

      <CellGroup title='赛道（分别排名）'>
        {c.tracks.map((t) => (
          <Cell key={t.id} title={t.name} />
        ))}
      </CellGroup>

      <CellGroup title='宣讲重点'>
        <View className='campaign__topics'>
          {c.topics.map((t) => (
            <Tag key={t.id} type='default' plain>
              {t.title}
            </Tag>
          ))}
        </View>
      </CellGroup>

      <CellGroup title={`参赛单位（${c.units.length}）`}>
        {c.units.map((u) => (
          <Cell key={u.id} title={u.name} />
        ))}
      </CellGroup>
    </View>
  )
}
