/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { EntrySummary, Me, RecommendationResult, UnitEntries } from '../../../src/core/api'
import type { EntryStatus } from '../../../src/core/contest'
import { campaignDetail, entryDetail, failure, fakeCloud, ok, typeInto, type Event } from './contest-support'

const cloud = fakeCloud()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { campaignId: 'c1', unitId: 'u1' } }) }
})

import UnitPage from '../../../src/packages/contest/pages/unit/index'
import { useCampaignDetail } from '../../../src/stores/campaign-detail'
import { useMe } from '../../../src/stores/me'
import { useUnitEntries } from '../../../src/stores/unit-entries'

const secretary: Me = {
  openid: 'secretary-1',
  name: '王志强',
  memberships: [{ campaignId: 'c1', campaignName: '微宣讲', role: 'secretary', unitId: 'u1', unitName: '市财政局机关党委' }]
}

const summary = (id: string, name: string, status: EntryStatus, extra: Partial<EntrySummary> = {}): EntrySummary => ({
  id,
  campaignId: 'c1',
  unitId: 'u1',
  unitName: '市财政局机关党委',
  trackId: 't1',
  topicId: 'p1',
  title: `${name}的宣讲`,
  speakerName: name,
  speakerOpenid: `open-${id}`,
  phone: '13800000001',
  status,
  scriptStatus: 'pass',
  videoVerified: true,
  submittedAt: Date.now() - 86_400_000,
  recommendedAt: null,
  updatedAt: Date.now(),
  ...extra
})

const unit = (entries: EntrySummary[], recommended: number): UnitEntries => ({
  unitId: 'u1',
  unitName: '市财政局机关党委',
  progress: { quota: 2, recommended, belowMinimum: recommended < 1 },
  entries
})

const click = async (el: Element) => {
  await act(async () => {
    fireEvent.click(el)
  })
}
const row = (id: string) => within(screen.getByTestId(`unit-entry-${id}`))

beforeEach(() => {
  cloud.calls.length = 0
  useMe.setState({ status: 'idle', me: null, error: null })
  useCampaignDetail.setState({ byId: {} })
  useUnitEntries.setState({ status: 'idle', data: null, notice: null, busyId: null })
  cloud.on('user.me', ok(secretary))
})

describe('本单位 page in the preliminary', () => {
  const entries = [
    summary('e1', '胡雅琴', 'recommended', { recommendedAt: Date.now() }),
    summary('e2', '曹伟', 'submitted'),
    summary('e3', '邓佳', 'endorsed', { scriptStatus: null, videoVerified: null, submittedAt: null })
  ]

  beforeEach(() => {
    cloud.on('campaign.get', ok(campaignDetail('preliminary')))
    cloud.on('entry.listUnit', ok(unit(entries, 1)))
  })

  it('shows the quota as 已推荐 x / 名额 y and who has not submitted yet', async () => {
    render(<UnitPage />)
    expect(await screen.findByText('已推荐 1 / 名额 2')).toBeTruthy()
    expect(screen.getByText('未提交作品：讲稿未保存，视频未上传或待检测')).toBeTruthy()
    expect(row('e2').getByText('推荐进入复赛')).toBeTruthy()
    expect(row('e1').getByText('撤销推荐')).toBeTruthy()
  })

  it('shows the cloud’s QUOTA_EXCEEDED message and keeps the count as it was', async () => {
    const message = '本单位推荐名额为 2 名，已全部使用；如需更换，请先撤销一个推荐'
    cloud.on('entry.recommend', failure('QUOTA_EXCEEDED', message))
    render(<UnitPage />)
    await screen.findByText('已推荐 1 / 名额 2')
    await click(row('e2').getByText('推荐进入复赛'))

    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(screen.getByText('已推荐 1 / 名额 2')).toBeTruthy()
    expect(cloud.sent('entry.recommend')).toEqual([{ entryId: 'e2' }])
  })

  it('updates the count and the row when a recommendation goes through', async () => {
    const result: RecommendationResult = { entry: summary('e2', '曹伟', 'recommended'), progress: { quota: 2, recommended: 2, belowMinimum: false } }
    cloud.on('entry.recommend', ok(result))
    render(<UnitPage />)
    await screen.findByText('已推荐 1 / 名额 2')
    await click(row('e2').getByText('推荐进入复赛'))

    expect(await screen.findByText('已推荐 2 / 名额 2')).toBeTruthy()
    expect(screen.getByText('已推荐「曹伟」进入复赛')).toBeTruthy()
    expect(row('e2').getByText('已推荐复赛')).toBeTruthy()
  })
})

describe('本单位 page in registration', () => {
  beforeEach(() => {
    cloud.on('campaign.get', ok(campaignDetail('registration')))
    cloud.on('entry.listUnit', ok(unit([summary('e7', '曹伟', 'pending', { scriptStatus: null, videoVerified: null, submittedAt: null })], 0)))
  })

  it('returns a form only with a reason, showing a refused reason inside the dialog', async () => {
    cloud.on('entry.return', (p: { reason: string }) =>
      p.reason.trim().length < 2 ? failure('BAD_REQUEST', '请填写退回理由（至少 2 个字）', 'payload.reason') : ok(entryDetail({ id: 'e7', status: 'returned' }))
    )
    render(<UnitPage />)
    await screen.findByText('推荐表待您审核')
    await click(row('e7').getByText('退回'))
    const reason = await screen.findByTestId('field-reason')

    await typeInto(reason, '短')
    await click(screen.getByText('退回', { selector: '.nut-dialog *' }))
    expect(within(reason).getByRole('alert').textContent).toBe('请填写退回理由（至少 2 个字）')

    await typeInto(reason, '简要内容过于简短，请补充')
    await click(screen.getByText('退回', { selector: '.nut-dialog *' }))
    expect(await screen.findByText('已退回，宣讲员修改后可重新提交')).toBeTruthy()
    expect(row('e7').getByText('已退回')).toBeTruthy()
    expect(cloud.sent('entry.return')).toEqual([
      { entryId: 'e7', reason: '短' },
      { entryId: 'e7', reason: '简要内容过于简短，请补充' }
    ])
  })
})
