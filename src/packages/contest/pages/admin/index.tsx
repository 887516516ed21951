import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { stageLabel } from '../../../../core/api'
import { DEADLINE_STAGES, nextStage, stageIndex, type DeadlineStage } from '../../../../core/contest'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Choices } from '../../../../components/field'
import { NoticeBar } from '../../../../components/notice'
import { ResultsBoard } from '../../../../components/results-board'
import { contestPage } from '../../../../components/role-actions'
import { ErrorView, LoadingView } from '../../../../components/state-views'
import { formatDeadline, remaining } from '../../../../lib/time'
import { call } from '../../../../services/cloud'
import { saveExportedFile } from '../../../../services/export-file'
import { unitOverview, useCampaignAdmin } from '../../../../stores/campaign-admin'
import { JudgeAssignmentSection } from './judge-assignment'
import '../../contest.scss'

const DAY = 86_400_000
const EXTENSIONS = [
  { value: '1', label: '延后 1 天' },
  { value: '3', label: '延后 3 天' },
  { value: '7', label: '延后 7 天' }
]

interface Confirm {
  title: string
  text: string
  confirmText: string
  run: () => Promise<void>
}

const isDeadlineStage = (s: string): s is DeadlineStage => (DEADLINE_STAGES as readonly string[]).includes(s)

/** The organizer's dashboard: stages and deadlines, entries across units, held scripts, judges, finalists, results. */
export default function AdminPage() {
  const { campaignId = '' } = useRouter().params
  const a = useCampaignAdmin()
  const load = useCampaignAdmin((s) => s.load)
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [extending, setExtending] = useState<{ stage: DeadlineStage; deadline: number } | null>(null)
  const [days, setDays] = useState('1')

  const start = useCallback(() => void load(campaignId), [campaignId, load])
  useEffect(start, [start])

  if (a.status === 'idle' || (a.status === 'loading' && a.detail === null)) return <LoadingView />
  if (a.status === 'error' || a.detail === null) return <ErrorView message={a.error ?? '加载失败'} onRetry={start} />

  const c = a.detail
  const now = Date.now()
  const next = nextStage(c.stage)
  const open = c.stageDeadlineAt !== null && now < c.stageDeadlineAt
  const held = a.entries.filter((e) => e.scriptStatus === 'review')
  const newDeadline = extending === null ? 0 : extending.deadline + Number(days) * DAY

  return (
    <View className='contest admin'>
      <View className='contest__hero'>
        <Text className='contest__title'>{c.name}</Text>
        <Text className='contest__sub'>
          当前阶段：{stageLabel[c.stage]}
          {c.stageDeadlineAt !== null ? ` · ${formatDeadline(c.stageDeadlineAt)} 截止 · ${remaining(c.stageDeadlineAt, now)}` : ''}
        </Text>
      </View>
      <NoticeBar notice={a.notice} />

      <CellGroup title='赛程与截止时间'>
        {c.stages.map((s) => {
          const canExtend = isDeadlineStage(s.stage) && s.deadlineAt !== null && stageIndex(s.stage) >= stageIndex(c.stage)
          return (
            <Cell
              key={s.stage}
              title={stageLabel[s.stage]}
              description={s.deadlineAt !== null ? `${formatDeadline(s.deadlineAt)} 截止` : undefined}
              extra={
                canExtend ? (
                  <Button size='small' disabled={a.busy !== null} onClick={() => s.deadlineAt !== null && isDeadlineStage(s.stage) && setExtending({ stage: s.stage, deadline: s.deadlineAt })}>
                    延期
                  </Button>
                ) : s.stage === c.stage ? (
                  '进行中'
                ) : (
                  '已结束'
                )
              }
            />
          )
        })}
        {next !== null ? (
          <View className='contest__inline-actions'>
            <Button
              type='primary'
              size='small'
              disabled={open || a.busy !== null}
              loading={a.busy === 'advance'}
              onClick={() =>
                setConfirm({ title: '进入下一阶段', text: `确定结束「${stageLabel[c.stage]}」，进入「${stageLabel[next]}」吗？此操作不能撤回。`, confirmText: '进入', run: a.advance })
              }
            >
              进入「{stageLabel[next]}」
            </Button>
            {open ? <Text className='contest__muted'>本阶段截止后才能进入下一阶段</Text> : null}
          </View>
        ) : null}
      </CellGroup>

      <CellGroup title={`各单位报名（共 ${a.entries.filter((e) => e.status !== 'withdrawn').length} 件）`}>
        {unitOverview(c.units, a.entries).map((u) => (
          <Cell
            key={u.unitId}
            title={u.name}
            description={`报名 ${u.total} · 待审核 ${u.pending} · 已提交 ${u.submitted} · 已推荐 ${u.recommended}`}
            clickable
            onClick={() => void Taro.navigateTo({ url: contestPage.unit({ campaignId, unitId: u.unitId }) })}
          />
        ))}
      </CellGroup>

      {held.length > 0 ? (
        <CellGroup title='待人工复核的讲稿'>
          {held.map((e) => (
            <View key={e.id}>
              <Cell title={e.title} description={`${e.speakerName ?? ''} · ${e.unitName}`} extra='查看' clickable onClick={() => void Taro.navigateTo({ url: contestPage.entry({ id: e.id }) })} />
              <View className='contest__inline-actions'>
                <Button size='small' type='primary' disabled={a.busy !== null} onClick={() => void a.reviewScript(e.id, 'pass')}>
                  通过
                </Button>
                <Button size='small' disabled={a.busy !== null} onClick={() => void a.reviewScript(e.id, 'reject')}>
                  不通过
                </Button>
              </View>
            </View>
          ))}
        </CellGroup>
      ) : null}

      <JudgeAssignmentSection />

      {c.stage === 'final' ? (
        <CellGroup title='决赛名单'>
          <View className='contest__inline-actions'>
            <Button
              size='small'
              type='primary'
              loading={a.busy === 'finalists'}
              disabled={a.busy !== null}
              onClick={() => setConfirm({ title: '选定决赛名单', text: '按复赛成绩选出进入决赛的作品，确定吗？', confirmText: '选定', run: a.selectFinalists })}
            >
              按复赛成绩选定决赛名单
            </Button>
          </View>
        </CellGroup>
      ) : null}

      <CellGroup title={a.published ? `成绩 · 已发布第 ${a.published.version} 版（${formatDeadline(a.published.publishedAt)}）` : '成绩 · 尚未发布'}>
        <View className='contest__inline-actions'>
          <Button size='small' loading={a.busy === 'preview'} disabled={a.busy !== null} onClick={() => void a.loadPreview()}>
            计算成绩预览
          </Button>
          {c.stage === 'published' ? (
            <Button
              size='small'
              type='primary'
              loading={a.busy === 'publish'}
              disabled={a.busy !== null}
              onClick={() =>
                setConfirm({
                  title: a.published ? '重新发布成绩' : '发布成绩',
                  text: a.published ? '将以当前成绩生成新版本，所有人看到的结果随之更新。确定吗？' : '发布后所有人可见获奖名单和排名。确定发布吗？',
                  confirmText: '发布',
                  run: a.publish
                })
              }
            >
              {a.published ? '重新发布' : '发布成绩'}
            </Button>
          ) : (
            <Text className='contest__muted'>进入「结果公布」阶段后可发布</Text>
          )}
        </View>
      </CellGroup>
      {a.preview ? <ResultsBoard results={a.preview} /> : null}
      <ExportSection campaignId={c.id} published={a.published !== null} />

      <ConfirmDialog visible={confirm !== null} title={confirm?.title ?? ''} confirmText={confirm?.confirmText} onConfirm={() => confirm?.run()} onClose={() => setConfirm(null)}>
        <Text className='contest__dialog-text'>{confirm?.text}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        visible={extending !== null}
        title={extending ? `「${stageLabel[extending.stage]}」延期` : ''}
        confirmText='延期'
        onConfirm={() => (extending ? a.extend(extending.stage, newDeadline) : undefined)}
        onClose={() => setExtending(null)}
      >
        <Choices value={days} options={EXTENSIONS} onChange={setDays} />
        <Text className='contest__dialog-text'>
          {extending ? `由 ${formatDeadline(extending.deadline)} 延后至 ${formatDeadline(newDeadline)}` : ''}
        </Text>
      </ConfirmDialog>
    </View>
  )
}

/** 导出: the organizer's workbooks, saved by the platform's own way (download on H5, document viewer on WeChat). */
function ExportSection({ campaignId, published }: { campaignId: string; published: boolean }) {
  const [busy, setBusy] = useState<'entries' | 'results' | null>(null)
  const run = async (what: 'entries' | 'results') => {
    setBusy(what)
    try {
      await saveExportedFile(await call('export', what, { campaignId }))
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '导出失败，请重试', icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
  return (
    <CellGroup title='导出'>
      <View className='contest__inline-actions'>
        <Button size='small' loading={busy === 'entries'} disabled={busy !== null} onClick={() => void run('entries')}>
          导出报名表
        </Button>
        <Button size='small' loading={busy === 'results'} disabled={busy !== null || !published} onClick={() => void run('results')}>
          导出成绩
        </Button>
      </View>
    </CellGroup>
  )
}
