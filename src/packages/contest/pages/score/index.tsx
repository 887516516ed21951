import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { formatPoints, rubricMax } from '../../../../core/contest'
import { Field } from '../../../../components/field'
import { NoticeBar } from '../../../../components/notice'
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views'
import { formatDeadline } from '../../../../lib/time'
import { entryTitle, findAssignment, runningTotal, useJudging, useScoreSheet } from '../../../../stores/judging'
import '../../contest.scss'

/** The rubric sheet for one entry in one round: checked against each criterion's maximum before it is sent. */
export default function ScorePage() {
  const { campaignId = '', roundId = '', entryId = '' } = useRouter().params
  const { status, error, assignments, load } = useJudging()
  const assignment = findAssignment(assignments, roundId, entryId)
  const sheet = useScoreSheet()
  const start = sheet.start

  useEffect(() => {
    if (useJudging.getState().campaignId !== campaignId || useJudging.getState().status === 'idle') void load(campaignId)
  }, [campaignId, load])
  useEffect(() => {
    if (assignment) start(assignment)
  }, [assignment, start])

  if (assignment === undefined) {
    if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={() => void load(campaignId)} />
    if (status === 'ready') return <EmptyView title='没有这项评分任务' hint='可能已被主办方调整，请返回任务列表' />
    return <LoadingView />
  }

  const { round, mySheet } = assignment
  const { title, speaker } = entryTitle(assignment)
  const view = assignment.entry
  const summary = view.visibility === 'public' ? view.entry.summary : view.entry.form.summary
  const script = view.visibility === 'public' ? null : view.entry.script?.text

  return (
    <View className='contest score'>
      <View className='contest__hero'>
        <Text className='contest__title'>{title}</Text>
        <Text className='contest__sub'>
          {speaker} · {round.name} · {round.open ? `${formatDeadline(round.deadlineAt)} 截止` : '本轮已截止或未开始，不能评分'}
        </Text>
      </View>
      <NoticeBar notice={sheet.notice} />

      {summary ? (
        <CellGroup title='简要内容'>
          <Text className='contest__muted'>{summary}</Text>
        </CellGroup>
      ) : null}
      {script ? (
        <CellGroup title='讲稿'>
          <Text className='contest__muted'>{script}</Text>
        </CellGroup>
      ) : null}

      <Text className='contest__section-title'>评分（满分 {formatPoints(rubricMax(round.rubric))}，可保留两位小数）</Text>
      {round.rubric.map((c) => (
        <Field key={c.id} name={`points-${c.id}`} label={`${c.name}（0–${c.max} 分）`} required error={sheet.errors[c.id]}>
          <Input type='digit' value={sheet.typed[c.id] ?? ''} disabled={!round.open} placeholder={`0–${c.max}`} maxLength={6} onChange={(v) => sheet.setPoint(c.id, v)} />
        </Field>
      ))}
      <Field name='comment' label='评语（选填）'>
        <TextArea value={sheet.comment} disabled={!round.open} maxLength={500} showCount rows={3} onChange={sheet.setComment} />
      </Field>
      <Text className='contest__muted' data-testid='score-total'>
        合计 {runningTotal(round.rubric, sheet.typed)} 分{mySheet ? ` · 已提交 ${formatPoints(mySheet.total)} 分` : ''}
      </Text>

      {round.open ? (
        <View className='contest__actions'>
          <Button type='primary' loading={sheet.busy} disabled={sheet.busy} onClick={() => void sheet.send(assignment)}>
            {mySheet ? '修改评分' : '提交评分'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
