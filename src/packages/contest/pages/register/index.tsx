import { useCallback, useEffect, type ReactElement } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { GENDERS, POLITICAL_STATUSES } from '../../../../core/contest'
import { EntryStatusTag } from '../../../../components/entry-status-tag'
import { Choices, Field } from '../../../../components/field'
import { NoticeBar } from '../../../../components/notice'
import { contestPage } from '../../../../components/role-actions'
import { ErrorView, LoadingView } from '../../../../components/state-views'
import { useMe } from '../../../../stores/me'
import { isFormEditable, labelOf, topicsFor, useRegistration, type FormField, type FormValues } from '../../../../stores/registration'
import '../../contest.scss'

const asChoices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

/** 推荐表: a speaker fills it in, saves drafts, and sends it to the unit secretary for endorsement. */
export default function RegisterPage() {
  const { entryId, campaignId } = useRouter().params
  const { status, error, campaign, entry, values, errors, busy, notice, open, setField, save, submit } = useRegistration()
  const myOpenid = useMe((s) => s.me?.openid)

  const start = useCallback(() => {
    void useMe
      .getState()
      .ensure()
      .then(() => open({ entryId, campaignId }, defaultsFor(campaignId)))
  }, [entryId, campaignId, open])
  useEffect(start, [start])

  if (status === 'idle' || status === 'loading') return <LoadingView />
  if (status === 'error' || campaign === null) return <ErrorView message={error ?? '加载失败'} onRetry={start} />

  // Secretaries and organizers may open the form too, but only its speaker edits it.
  const ownEntry = entry !== null && entry.speakerOpenid === myOpenid
  const editable = isFormEditable(entry) && (entry === null || ownEntry)
  const text = (field: FormField, props: { placeholder?: string; type?: 'text' | 'tel' | 'number'; maxLength?: number } = {}) => (
    <Input
      value={values[field]}
      disabled={!editable}
      placeholder={props.placeholder ?? `请填写${labelOf(field)}`}
      type={props.type ?? 'text'}
      maxLength={props.maxLength ?? 100}
      onChange={(v) => setField(field, v)}
    />
  )
  const field = (name: FormField, required: boolean, control: ReactElement, hint?: string) => (
    <Field name={name} label={labelOf(name)} required={required} error={errors[name]} hint={hint}>
      {control}
    </Field>
  )
  const returned = entry?.status === 'returned' ? entry.endorsement?.reason : undefined

  return (
    <View className='contest register'>
      <View className='contest__hero'>
        <Text className='contest__title'>微宣讲推荐表</Text>
        <Text className='contest__sub'>{campaign.name}</Text>
        {entry ? (
          <View className='contest__status'>
            <EntryStatusTag status={entry.status} />
            <Text>{entry.unitName}</Text>
          </View>
        ) : null}
      </View>
      {returned ? <View className='contest__reason'>退回意见：{returned}</View> : null}
      <NoticeBar notice={notice} />
      {!editable && ownEntry ? <Text className='contest__muted'>推荐表已提交，审核期间不能修改。</Text> : null}

      <Text className='contest__section-title'>基本信息</Text>
      {field('name', true, text('name', { maxLength: 30 }))}
      {field('gender', true, <Choices value={values.gender} options={asChoices(GENDERS)} disabled={!editable} onChange={(v) => setField('gender', v)} />)}
      {field('politicalStatus', true, <Choices value={values.politicalStatus} options={asChoices(POLITICAL_STATUSES)} disabled={!editable} onChange={(v) => setField('politicalStatus', v)} />)}
      {field('education', true, text('education', { placeholder: '如：大学本科、研究生', maxLength: 20 }))}
      {field('phone', true, text('phone', { type: 'tel', placeholder: '手机号或带区号的固定电话', maxLength: 20 }), '仅本人、单位书记和主办方可见')}

      <Text className='contest__section-title'>单位与职务</Text>
      {field(
        'unitId',
        true,
        <Choices value={values.unitId} options={campaign.units.map((u) => ({ value: u.id, label: u.name }))} disabled={!editable || entry !== null} onChange={(v) => setField('unitId', v)} />,
        entry !== null ? '报名后单位不能更改' : '由所在单位书记审核推荐'
      )}
      {field('workplace', false, text('workplace'), '与“所在基层党组织及职务”至少填写一项')}
      {field('partyOrganization', false, text('partyOrganization'))}

      <Text className='contest__section-title'>宣讲内容</Text>
      {field('trackId', true, <Choices value={values.trackId} options={campaign.tracks.map((t) => ({ value: t.id, label: t.name }))} disabled={!editable} onChange={(v) => setField('trackId', v)} />)}
      {field(
        'topicId',
        true,
        <Choices value={values.topicId} options={topicsFor(campaign, values.trackId).map((t) => ({ value: t.id, label: t.title }))} disabled={!editable} onChange={(v) => setField('topicId', v)} />,
        values.trackId === '' ? '请先选择赛道' : undefined
      )}
      {field('title', true, text('title', { maxLength: 50 }))}
      {field(
        'summary',
        true,
        <TextArea value={values.summary} disabled={!editable} maxLength={1000} showCount rows={5} placeholder='简要内容或讲稿提纲' onChange={(v) => setField('summary', v)} />
      )}

      <View className='contest__actions'>
        {editable ? (
          <>
            <Button loading={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>
              保存草稿
            </Button>
            <Button type='primary' loading={busy === 'submit'} disabled={busy !== null} onClick={() => void submit()}>
              提交单位审核
            </Button>
          </>
        ) : ownEntry ? (
          <Button type='primary' onClick={() => void Taro.redirectTo({ url: contestPage.entry({ id: entry.id }) })}>
            查看我的参赛作品
          </Button>
        ) : null}
      </View>
    </View>
  )
}

/** A new form starts with what the cloud already knows: the caller's name and the unit they belong to. */
function defaultsFor(campaignId: string | undefined): Partial<FormValues> {
  const me = useMe.getState().me
  if (me === null || campaignId === undefined) return {}
  const unitId = me.memberships.find((m) => m.campaignId === campaignId && m.unitId !== null)?.unitId
  return { ...(me.name ? { name: me.name } : {}), ...(unitId ? { unitId } : {}) }
}
