/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Assignment, JudgingScoreInput, SheetSaved } from '../../../src/core/api'
import { DEFAULT_RUBRIC } from '../../../src/core/contest'
import { entryDetail, fakeCloud, ok, typeInto, type Event } from './contest-support'

const cloud = fakeCloud()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { campaignId: 'c1', roundId: 'semifinal', entryId: 'e1' } }) }
})

import ScorePage from '../../../src/packages/contest/pages/score/index'
import { useJudging, useScoreSheet } from '../../../src/stores/judging'

const { speakerOpenid: _hidden, form, ...rest } = entryDetail({ status: 'recommended' })
const { phone: _phone, ...formWithoutPhone } = form
const assignment: Assignment = {
  round: { id: 'semifinal', name: '复赛评审', stage: 'semifinal', rubric: [...DEFAULT_RUBRIC], open: true, deadlineAt: Date.now() + 5 * 86_400_000 },
  entry: { visibility: 'withoutPhone', entry: { ...rest, form: formWithoutPhone } },
  mySheet: null
}

const box = (criterion: string) => screen.getByTestId(`field-points-${criterion}`)
const send = async (label: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(label))
  })
}

beforeEach(() => {
  cloud.calls.length = 0
  useJudging.setState({ status: 'idle', campaignId: null, assignments: [] })
  useScoreSheet.setState({ key: null })
  cloud.on('judging.myAssignments', ok([assignment]))
})

describe('评分 page', () => {
  it('refuses points above a criterion’s maximum, and empty criteria, before sending anything', async () => {
    render(<ScorePage />)
    await screen.findByText('内容（0–40 分）')
    await typeInto(box('content'), '45')
    await typeInto(box('delivery'), '12.345')
    await send('提交评分')

    expect(within(box('content')).getByRole('alert').textContent).toBe('「内容」的得分须在 0 到 40 分之间')
    expect(within(box('delivery')).getByRole('alert').textContent).toBe('「表达」的得分最多保留两位小数')
    expect(within(box('image')).getByRole('alert').textContent).toBe('请为「形象」打分')
    expect(cloud.sent('judging.submitScore')).toHaveLength(0)
  })

  it('sends a valid sheet as numbers and then offers to revise it', async () => {
    cloud.on('judging.submitScore', (p: JudgingScoreInput) => {
      const saved: SheetSaved = {
        roundId: p.roundId,
        entryId: p.entryId,
        sheet: { judgeOpenid: 'judge-1', judgeName: '周明华', points: p.points, total: 9050, comment: null, createdAt: Date.now(), updatedAt: Date.now() }
      }
      return ok(saved)
    })
    render(<ScorePage />)
    await screen.findByText('内容（0–40 分）')
    await typeInto(box('content'), '36.5')
    await typeInto(box('delivery'), '27')
    await typeInto(box('image'), '9')
    await typeInto(box('effect'), '18')
    expect(screen.getByTestId('score-total').textContent).toContain('合计 90.50 分')
    await send('提交评分')

    expect(await screen.findByText('评分已提交，总分 90.50')).toBeTruthy()
    expect(cloud.sent('judging.submitScore')).toEqual([{ roundId: 'semifinal', entryId: 'e1', points: { content: 36.5, delivery: 27, image: 9, effect: 18 } }])
    expect(screen.getByText('修改评分')).toBeTruthy()
  })
})
