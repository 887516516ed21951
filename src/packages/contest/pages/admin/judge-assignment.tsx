import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Choices, Field } from '../../../../components/field'
import { NoticeBar } from '../../../../components/notice'
import { useCampaignAdmin } from '../../../../stores/campaign-admin'

const DEFAULT_PER_ENTRY = '5'
const MAX_PER_ENTRY = 30

/** The number typed, or why it cannot be sent: the cloud takes whole numbers from 1 to 30. */
function parsePerEntry(typed: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = Number(typed.trim())
  if (typed.trim() === '' || !Number.isInteger(value)) return { ok: false, message: '请填写每件作品的评委人数（整数）' }
  if (value < 1 || value > MAX_PER_ENTRY) return { ok: false, message: `每件作品的评委人数须在 1 到 ${MAX_PER_ENTRY} 之间` }
  return { ok: true, value }
}

/** 评委分配: pick a round, see each judge's load in it, and give every entry of the round its judges at once. */
export function JudgeAssignmentSection() {
  const ready = useCampaignAdmin((s) => s.status === 'ready')
  const busy = useCampaignAdmin((s) => s.busy)
  const asg = useCampaignAdmin((s) => s.assignment)
  const loadJudges = useCampaignAdmin((s) => s.loadJudges)
  const autoAssign = useCampaignAdmin((s) => s.autoAssign)
  const [typed, setTyped] = useState(DEFAULT_PER_ENTRY)
  const [error, setError] = useState<string | undefined>(undefined)
  const [confirming, setConfirming] = useState<number | null>(null)

  const idle = asg.status === 'idle'
  useEffect(() => {
    if (ready && idle) void loadJudges()
  }, [ready, idle, loadJudges])

  const round = asg.rounds.find((r) => r.id === asg.roundId)
  const data = asg.judges !== null && asg.judges.round.id === asg.roundId ? asg.judges : null

  const ask = () => {
    const parsed = parsePerEntry(typed)
    if (!parsed.ok) return setError(parsed.message)
    setError(undefined)
    setConfirming(parsed.value)
  }

  return (
    <CellGroup title='评委分配'>
      {asg.rounds.length > 0 ? (
        <Choices value={asg.roundId ?? ''} options={asg.rounds.map((r) => ({ value: r.id, label: r.name }))} disabled={busy !== null || asg.status === 'loading'} onChange={(id) => void loadJudges(id)} />
      ) : null}
      {asg.status === 'error' ? (
        <View className='contest__inline-actions'>
          <Text className='contest__muted'>{asg.error ?? '加载失败'}</Text>
          <Button size='small' onClick={() => void loadJudges()}>
            重试
          </Button>
        </View>
      ) : null}
      {asg.status === 'loading' && data === null ? <Text className='contest__muted'>正在加载评委…</Text> : null}
      {data !== null ? (
        <View data-testid='judge-assignment'>
          <Text className='contest__muted'>
            「{data.round.name}」待评作品 {data.entryCount} 件 · 评委 {data.judges.length} 位
          </Text>
          {data.judges.length === 0 ? <Text className='contest__muted'>本活动尚无评委</Text> : null}
          {data.judges.map((j) => (
            <View key={j.openid} data-testid={`judge-${j.openid}`}>
              <Cell
                title={j.title === null ? j.name : `${j.name} · ${j.title}`}
                description={j.unit === null ? '无所属单位' : `${j.unit.name}（回避本单位作品）`}
                extra={`已分配 ${j.assigned} 件`}
              />
            </View>
          ))}
          <Field name='per-entry' label='每件作品评委人数' required error={error} hint='已分配的评委保留，不足的按工作量从少到多补齐'>
            <Input type='number' value={typed} maxLength={2} disabled={busy !== null} onChange={(v) => setTyped(v)} />
          </Field>
          <View className='contest__inline-actions'>
            <Button size='small' type='primary' loading={busy === 'autoAssign'} disabled={busy !== null || data.judges.length === 0} onClick={ask}>
              一键分配
            </Button>
          </View>
        </View>
      ) : null}
      <NoticeBar notice={asg.notice} />

      <ConfirmDialog
        visible={confirming !== null}
        title='一键分配评委'
        confirmText='分配'
        onConfirm={() => (confirming === null ? undefined : autoAssign(confirming))}
        onClose={() => setConfirming(null)}
      >
        <Text className='contest__dialog-text'>
          {confirming === null || round === undefined
            ? ''
            : `为「${round.name}」的 ${data?.entryCount ?? 0} 件作品各分配 ${confirming} 位评委：已分配的保留，不分配本单位评委。确定吗？`}
        </Text>
      </ConfirmDialog>
    </CellGroup>
  )
}
