/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { CampaignSummary } from '../../../src/core/api'
import type { Result } from '../../../src/core/errors'

const invoke = jest.fn<Promise<Result<unknown>>, [string, { action: string; payload: unknown }]>()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (...args: [string, { action: string; payload: unknown }]) => invoke(...args) }))
// Page lifecycle hooks need Taro's page runtime, which jsdom lacks; the rest of Taro is the real H5 one.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, usePullDownRefresh: jest.fn() }
})

// Imported after the mocks so the page talks to the fake transport.
import HomePage from '../../../src/pages/home/index'
import { useCampaigns } from '../../../src/stores/campaigns'

const campaign: CampaignSummary = {
  id: 'c1',
  name: '大学习 走在前·千名支部书记微宣讲',
  summary: '机关工委宣传部主办',
  stage: 'registration',
  stageDeadlineAt: Date.now() + 3 * 86_400_000,
  tracks: [
    { id: 't1', name: '战疫密码：中国之治' },
    { id: 't2', name: '全国两会精神' }
  ],
  unitCount: 6,
  entryCount: 11
}

beforeEach(() => {
  invoke.mockReset()
  useCampaigns.setState({ status: 'idle', items: [], error: null })
})

describe('home page', () => {
  it('asks the campaign function for the list and shows each campaign with its tracks', async () => {
    invoke.mockResolvedValue({ ok: true, data: [campaign] })
    render(<HomePage />)
    expect(await screen.findByText(campaign.name)).toBeTruthy()
    expect(invoke).toHaveBeenCalledWith('campaign', { action: 'list', payload: {} })
    expect(screen.getByText('战疫密码：中国之治')).toBeTruthy()
    expect(screen.getByText('报名')).toBeTruthy()
    expect(screen.getByText(/还剩 (2|3) 天/)).toBeTruthy()
  })

  it('shows an empty state when there is no campaign', async () => {
    invoke.mockResolvedValue({ ok: true, data: [] })
    render(<HomePage />)
    expect(await screen.findByText('暂无赛事')).toBeTruthy()
  })

  it('shows the cloud message on error and retries on demand', async () => {
    invoke.mockResolvedValueOnce({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' })
    render(<HomePage />)
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy()
    invoke.mockResolvedValueOnce({ ok: true, data: [campaign] })
    await act(async () => {
      fireEvent.click(screen.getByText('重试'))
    })
    expect(await screen.findByText(campaign.name)).toBeTruthy()
    expect(invoke).toHaveBeenCalledTimes(2)
  })
})
