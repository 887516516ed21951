import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { canTransition, FORM_EDITABLE } from '../../../../core/contest'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { EntryStatusTag } from '../../../../components/entry-status-tag'
import { NoticeBar } from '../../../../components/notice'
import { contestPage, videoCheckPage } from '../../../../components/role-actions'
import { ScriptEditor } from '../../../../components/script-editor'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views'
import { formatDeadline } from '../../../../lib/time'
import { useMe } from '../../../../stores/me'
import { canEditMaterials, nextStep, useMyEntry } from '../../../../stores/my-entry'
import '../../contest.scss'

const SCRIPT_STATUS = { pass: '内容检查通过', review: '人工复核中', reject: '未通过内容审核' } as const

/** A speaker's entry: where it stands, what to do next, the script, the video, submit or withdraw. */
export default function EntryPage() {
  const { id, campaignId } = useRouter().params
  const { status, error, entry, rules, script, busy, notice, open, refresh, setScript, saveScript, submit, withdraw } = useMyEntry()
  const myOpenid = useMe((s) => s.me?.openid)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)

  const start = useCallback(() => {
    void useMe.getState().ensure()
    void open({ entryId: id, campaignId })
  }, [id, campaignId, open])
  useEffect(start, [start])
  // Back from the video page: the upload may have changed the entry.
  useDidShow(() => void refresh())

  if (status === 'idle' || status === 'loading') return <LoadingView />
  if (status === 'none') {
    return (
      <View className='contest'>
        <EmptyView title='还没有报名' hint='填写推荐表，由所在单位书记审核后即可参赛' />
        <View className='contest__inline-actions'>
          <Button type='primary' block onClick={() => void Taro.redirectTo({ url: contestPage.register({ campaignId }) })}>
            我要报名
          </Button>
        </View>
      </View>
    )
  }
  if (status === 'error' || entry === null || rules === null) return <ErrorView message={error ?? '加载失败'} onRetry={start} />

  const own = myOpenid === entry.speakerOpenid
  const materials = own && canEditMaterials(entry.status)
  const returned = entry.status === 'returned' ? entry.endorsement?.reason : undefined
  const video = entry.video

  return (
    <View className='contest entry'>
      <View className='contest__hero'>
        <Text className='contest__title'>{entry.form.title ?? '未命名作品'}</Text>
        <Text className='contest__sub'>
          {entry.form.name ?? ''} · {entry.unitName}
        </Text>
        <View className='contest__status' data-testid='entry-status'>
          <EntryStatusTag status={entry.status} />
          {entry.submittedAt !== null ? <Text>{formatDeadline(entry.submittedAt)} 提交</Text> : null}
        </View>
      </View>
      <View className='contest__step'>下一步：{nextStep(entry)}</View>
      {returned ? <View className='contest__reason'>退回意见：{returned}</View> : null}
      <NoticeBar notice={notice} />

      <CellGroup title='推荐表'>
        <Cell
          title={FORM_EDITABLE.includes(entry.status) && own ? '修改推荐表' : '查看推荐表'}
          description={entry.endorsement?.decision === 'endorsed' ? `单位已于 ${formatDeadline(entry.endorsement.at)} 同意推荐` : undefined}
          extra='前往'
          clickable
          onClick={() => void Taro.navigateTo({ url: contestPage.register({ entryId: entry.id }) })}
        />
      </CellGroup>

      <CellGroup title={entry.script?.status ? `讲稿 · ${SCRIPT_STATUS[entry.script.status]}` : '讲稿 · 未保存'}>
        <ScriptEditor value={script} limits={rules.script} disabled={!materials} onChange={setScript} />
        {materials ? (
          <View className='contest__inline-actions'>
            <Button size='small' type='primary' loading={busy === 'script'} disabled={busy !== null} onClick={() => void saveScript()}>
              保存讲稿
            </Button>
          </View>
        ) : null}
      </CellGroup>

      <CellGroup title='视频'>
        <Cell
          title={video === null ? '尚未上传' : video.verified === null ? '已上传，等待检测' : video.verified ? '视频符合要求' : '视频不符合要求'}
          description={video?.problems.length ? video.problems.join('；') : '上传后自动检测格式、分辨率、帧率和时长'}
        />
        {materials ? (
          <View className='contest__inline-actions'>
            <Button size='small' onClick={() => void Taro.navigateTo({ url: videoCheckPage(entry.id) })}>
              {video === null ? '上传视频' : '重新上传视频'}
            </Button>
          </View>
        ) : null}
      </CellGroup>

      {own && (entry.status === 'endorsed' || canTransition(entry.status, 'withdraw')) ? (
        <View className='contest__actions'>
          {canTransition(entry.status, 'withdraw') ? (
            <Button disabled={busy !== null} onClick={() => setConfirmWithdraw(true)}>
              撤回报名
            </Button>
          ) : null}
          {entry.status === 'endorsed' ? (
            <Button type='primary' loading={busy === 'submit'} disabled={busy !== null} onClick={() => void submit()}>
              提交作品
            </Button>
          ) : null}
        </View>
      ) : null}

      <ConfirmDialog visible={confirmWithdraw} title='撤回报名' confirmText='撤回' onConfirm={withdraw} onClose={() => setConfirmWithdraw(false)}>
        <Text className='contest__dialog-text'>撤回后本次报名作废，需要时可重新报名。确定撤回吗？</Text>
      </ConfirmDialog>
    </View>
  )
}
