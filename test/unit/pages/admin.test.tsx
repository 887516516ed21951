/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { AutoAssignResult, JudgeLoad, JudgingAutoAssignInput, JudgingJudgesInput, RoundJudges } from '../../../src/core/api'
import { DEFAULT_RUBRIC } from '../../../src/core/contest'
import { campaignDetail, failure, fakeCloud, ok, rules, typeInto, type Event } from './contest-support'

const cloud = fakeCloud()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { campaignId: 'c1' } }) }
})

import AdminPage from '../../../src/packages/contest/pages/admin/index'
import { useCampaignAdmin } from '../../../src/stores/campaign-admin'

const judge = (n: number, assigned: number, extra: Partial<JudgeLoad> = {}): JudgeLoad => ({ openid: `judge-${n}`, name: `评委${n}`, title: null, unit: null, assigned, ...extra })

const roundJudges = (roundId: 'semifinal' | 'final', judges: JudgeLoad[], entryCount: number): RoundJudges => ({
  round: { id: roundId, name: roundId === 'semifinal' ? '复赛评审' : '决赛现场', stage: roundId, rubric: [...DEFAULT_RUBRIC], open: true, deadlineAt: Date.now() + 86_400_000 },
  entryCount,
  judges
})

const SEMIFINAL = [judge(1, 2, { title: '教授' }), judge(2, 0, { unit: { id: 'u1', name: '市财政局机关党委' } })]

const click = async (el: Element) => {
  await act(async () => {
    fireEvent.click(el)
  })
}
const section = () => within(screen.getByTestId('judge-assignment'))
const inDialog = (text: string) => screen.getByText(text, { selector: '.nut-dialog *' })

beforeEach(() => {
  cloud.calls.length = 0
  useCampaignAdmin.setState({ status: 'idle', error: null, detail: null, entries: [], preview: null, published: null, busy: null, notice: null, assignment: { status: 'idle', error: null, rounds: [], roundId: null, judges: null, notice: null } })
  cloud.on('campaign.get', ok(campaignDetail('semifinal')))
  cloud.on('entry.listAll', ok([]))
  cloud.on('results.get', failure('NOT_FOUND', '成绩尚未发布'))
  cloud.on('campaign.rules', ok(rules))
  cloud.on('judging.judges', (p: JudgingJudgesInput) => ok(p.roundId === 'final' ? roundJudges('final', [judge(1, 0), judge(2, 0)], 0) : roundJudges('semifinal', SEMIFINAL, 6)))
})

describe('评委分配 on the organizer dashboard', () => {
  it('lists the judges of the current stage’s round with their loads, and of another round when picked', async () => {
    render(<AdminPage />)
    expect(await screen.findByText('「复赛评审」待评作品 6 件 · 评委 2 位')).toBeTruthy()
    const first = within(screen.getByTestId('judge-judge-1'))
    expect(first.getByText('评委1 · 教授')).toBeTruthy()
    expect(first.getByText('已分配 2 件')).toBeTruthy()
    const second = within(screen.getByTestId('judge-judge-2'))
    expect(second.getByText('市财政局机关党委（回避本单位作品）')).toBeTruthy()
    expect(second.getByText('已分配 0 件')).toBeTruthy()
    expect(cloud.sent('judging.judges')).toEqual([{ campaignId: 'c1', roundId: 'semifinal' }])

    await click(screen.getByText('决赛现场'))
    expect(await screen.findByText('「决赛现场」待评作品 0 件 · 评委 2 位')).toBeTruthy()
    expect(cloud.sent('judging.judges')).toEqual([
      { campaignId: 'c1', roundId: 'semifinal' },
      { campaignId: 'c1', roundId: 'final' }
    ])
  })

  it('asks before assigning, sends perEntry 5 by default, then shows the result and the new loads', async () => {
    cloud.on('judging.autoAssign', (p: JudgingAutoAssignInput) => {
      const result: AutoAssignResult = {
        roundId: p.roundId,
        added: [
          { entryId: 'e1', judgeOpenid: 'judge-2' },
          { entryId: 'e2', judgeOpenid: 'judge-2' },
          { entryId: 'e2', judgeOpenid: 'judge-1' }
        ],
        entryCount: 6,
        judges: [judge(1, 3, { title: '教授' }), judge(2, 2, { unit: { id: 'u1', name: '市财政局机关党委' } })]
      }
      return ok(result)
    })
    render(<AdminPage />)
    await screen.findByText('「复赛评审」待评作品 6 件 · 评委 2 位')
    await click(section().getByText('一键分配'))
    expect(screen.getByText('为「复赛评审」的 6 件作品各分配 5 位评委：已分配的保留，不分配本单位评委。确定吗？')).toBeTruthy()
    expect(cloud.sent('judging.autoAssign')).toHaveLength(0)

    await click(inDialog('分配'))
    expect(cloud.sent('judging.autoAssign')).toEqual([{ campaignId: 'c1', roundId: 'semifinal', perEntry: 5 }])
    expect(await screen.findByText('已为 2 件作品新增 3 人次评委分配，每件作品至少 5 位评委')).toBeTruthy()
    expect(within(screen.getByTestId('judge-judge-1')).getByText('已分配 3 件')).toBeTruthy()
    expect(within(screen.getByTestId('judge-judge-2')).getByText('已分配 2 件')).toBeTruthy()
  })

  it('sends the number typed, and shows the cloud’s refusal when judges are too few', async () => {
    const refusal = '评委人数不足：作品《减税降费的温度》还需 8 位评委，但只有 1 位可分配（本单位评委不能评审），请减少每件作品的评委人数或增加评委'
    cloud.on('judging.autoAssign', failure('CONFLICT', refusal, 'payload.perEntry'))
    render(<AdminPage />)
    await screen.findByText('「复赛评审」待评作品 6 件 · 评委 2 位')
    await typeInto(screen.getByTestId('field-per-entry'), '8')
    await click(section().getByText('一键分配'))
    await click(inDialog('分配'))

    expect(cloud.sent('judging.autoAssign')).toEqual([{ campaignId: 'c1', roundId: 'semifinal', perEntry: 8 }])
    expect((await screen.findByText(refusal)).closest('[role="alert"]')).not.toBeNull()
    // Nothing changed in the cloud, so the loads on screen stay as they were.
    expect(within(screen.getByTestId('judge-judge-1')).getByText('已分配 2 件')).toBeTruthy()
  })

  it('refuses a number outside 1–30 on the phone without calling the cloud', async () => {
    render(<AdminPage />)
    await screen.findByText('「复赛评审」待评作品 6 件 · 评委 2 位')
    for (const typed of ['0', '31', '']) {
      await typeInto(screen.getByTestId('field-per-entry'), typed)
      await click(section().getByText('一键分配'))
      expect(within(screen.getByTestId('field-per-entry')).getByRole('alert').textContent).toMatch(/每件作品的评委人数/)
    }
    expect(screen.queryByText(/各分配/)).toBeNull()
    expect(cloud.sent('judging.autoAssign')).toHaveLength(0)
  })
})
