import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup, Progress, Tag, TextArea } from '@nutui/nutui-react-taro'
import { stageLabel, type EntrySummary } from '../../../../core/api'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { EntryStatusTag } from '../../../../components/entry-status-tag'
import { Field } from '../../../../components/field'
import { NoticeBar } from '../../../../components/notice'
import { contestPage } from '../../../../components/role-actions'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views'
import { formatDeadline, remaining } from '../../../../lib/time'
import { useCampaignDetail } from '../../../../stores/campaign-detail'
import { useMe } from '../../../../stores/me'
import { unitProgress, useUnitEntries } from '../../../../stores/unit-entries'
import '../../contest.scss'

/** A secretary's unit: endorse or return 推荐表, recommend within the quota, see who still has work to do. */
export default function UnitPage() {
  const { campaignId = '', unitId = '' } = useRouter().params
  const { status, error, data, busyId, notice, load, endorse, returnEntry, recommend, unrecommend } = useUnitEntries()
  const campaign = useCampaignDetail((s) => s.byId[campaignId]?.detail)
  const isSecretary = useMe((s) => s.me?.memberships.some((m) => m.campaignId === campaignId && m.role === 'secretary' && m.unitId === unitId) ?? false)
  const [returning, setReturning] = useState<EntrySummary | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()

  const start = useCallback(() => {
    void useMe.getState().ensure()
    void useCampaignDetail.getState().load(campaignId)
    void load(campaignId, unitId)
  }, [campaignId, unitId, load])
  useEffect(start, [start])

  if (status === 'idle' || (status === 'loading' && data === null)) return <LoadingView />
  if (status === 'error' || data === null) return <ErrorView message={error ?? '加载失败'} onRetry={start} />

  const { progress, entries } = data
  const { counts, outstanding } = unitProgress(entries)
  const stage = campaign?.stage
  const deadline = campaign?.stageDeadlineAt ?? null
  const now = Date.now()

  const confirmReturn = async () => {
    if (returning === null) return
    const refused = await returnEntry(returning.id, reason)
    // Rejecting keeps the dialog open so the secretary can fix the reason.
    if (refused !== null) {
      setReasonError(refused)
      throw new Error(refused)
    }
  }

  const buttonsFor = (e: EntrySummary) => {
    const busy = busyId !== null
    if (stage === 'registration' && e.status === 'pending') {
      return (
        <>
          <Button size='small' type='primary' loading={busyId === e.id} disabled={busy} onClick={() => void endorse(e.id)}>
            同意推荐
          </Button>
          <Button
            size='small'
            disabled={busy}
            onClick={() => {
              setReason('')
              setReasonError(undefined)
              setReturning(e)
            }}
          >
            退回
          </Button>
        </>
      )
    }
    if (stage === 'preliminary' && e.status === 'submitted') {
      return (
        <Button size='small' type='primary' loading={busyId === e.id} disabled={busy} onClick={() => void recommend(e.id)}>
          推荐进入复赛
        </Button>
      )
    }
    if (stage === 'preliminary' && e.status === 'recommended') {
      return (
        <Button size='small' loading={busyId === e.id} disabled={busy} onClick={() => void unrecommend(e.id)}>
          撤销推荐
        </Button>
      )
    }
    return null
  }
  const actions = (e: EntrySummary) => {
    const buttons = isSecretary ? buttonsFor(e) : null
    return buttons === null ? null : <View className='contest__inline-actions'>{buttons}</View>
  }

  return (
    <View className='contest unit'>
      <View className='contest__hero'>
        <Text className='contest__title'>{data.unitName}</Text>
        {stage ? (
          <Text className='contest__sub'>
            {stageLabel[stage]}
            {deadline !== null ? ` · ${formatDeadline(deadline)} 截止 · ${remaining(deadline, now)}` : ''}
          </Text>
        ) : null}
      </View>
      <NoticeBar notice={notice} />

      <CellGroup title='推荐名额'>
        <Cell title={`已推荐 ${progress.recommended} / 名额 ${progress.quota}`} description={progress.belowMinimum && stage === 'preliminary' ? '尚未达到最少推荐人数，请在初赛截止前推荐' : undefined} />
        <View className='contest__inline-actions'>
          <Progress percent={progress.quota > 0 ? Math.min(100, Math.round((progress.recommended / progress.quota) * 100)) : 0} />
        </View>
      </CellGroup>

      <CellGroup title='报名进度'>
        <View className='contest__inline-actions'>
          {counts.length === 0 ? <Text className='contest__muted'>暂无提交的推荐表（草稿不在此显示）</Text> : null}
          {counts.map((c) => (
            <Tag key={c.status} type='default' plain>
              {c.label} {c.count}
            </Tag>
          ))}
        </View>
        {outstanding.map(({ entry, lacks }) => (
          <Cell key={entry.id} title={entry.speakerName ?? entry.title} description={lacks} />
        ))}
      </CellGroup>

      {entries.length === 0 ? (
        <EmptyView title='本单位暂无报名' hint='宣讲员提交推荐表后会显示在这里' />
      ) : (
        <CellGroup title='参赛作品'>
          {entries.map((e) => (
            <View key={e.id} className='unit__entry' data-testid={`unit-entry-${e.id}`}>
              <Cell
                title={e.title || '未命名作品'}
                description={`${e.speakerName ?? ''} · ${e.phone}`}
                extra={<EntryStatusTag status={e.status} />}
                clickable
                onClick={() => void Taro.navigateTo({ url: contestPage.entry({ id: e.id }) })}
              />
              {actions(e)}
            </View>
          ))}
        </CellGroup>
      )}

      <ConfirmDialog visible={returning !== null} title='退回推荐表' confirmText='退回' onConfirm={confirmReturn} onClose={() => setReturning(null)}>
        <Field name='reason' label={`退回「${returning?.speakerName ?? ''}」的推荐表，请写明原因`} required error={reasonError}>
          <TextArea value={reason} maxLength={200} showCount rows={3} placeholder='如：简要内容过于简短，请补充主要观点' onChange={(v) => setReason(v)} />
        </Field>
      </ConfirmDialog>
    </View>
  )
}
