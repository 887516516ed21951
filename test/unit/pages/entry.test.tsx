/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { entryDetail, fakeCloud, ok, rules, speakerMe, typeInto, type Event } from './contest-support'

const cloud = fakeCloud()
let params: Record<string, string> = {}
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  const navigateTo = jest.fn()
  return {
    __esModule: true,
    ...actual,
    default: { ...(actual.default as object), navigateTo, redirectTo: jest.fn() },
    useRouter: () => ({ params }),
    useDidShow: (fn: () => void) => useEffect(fn, []) // eslint-disable-line react-hooks/exhaustive-deps
  }
})

import EntryPage from '../../../src/packages/contest/pages/entry/index'
import { useMe } from '../../../src/stores/me'

const endorsed = entryDetail({
  status: 'endorsed',
  endorsement: { decision: 'endorsed', by: 'secretary-1', at: Date.now() - 86_400_000 },
  script: { text: '大家好，我是一名流调员。', chars: 10, seconds: 3, status: 'pass', updatedAt: Date.now() }
})

beforeEach(() => {
  cloud.calls.length = 0
  params = { id: 'e1' }
  useMe.setState({ status: 'idle', me: null, error: null })
  cloud.on('user.me', ok(speakerMe))
  cloud.on('entry.get', ok({ visibility: 'withPhone', entry: endorsed }))
  cloud.on('campaign.rules', ok(rules))
})

const scriptBox = () => screen.getByTestId('script-count').parentElement

describe('参赛作品 page', () => {
  it('shows the status in Chinese with the next step that follows from the materials', async () => {
    render(<EntryPage />)
    const status = await screen.findByTestId('entry-status')
    expect(within(status).getByText('单位已同意')).toBeTruthy()
    expect(screen.getByText('下一步：单位已同意推荐，请上传视频后提交作品')).toBeTruthy()
    expect(screen.getByText('讲稿 · 内容检查通过')).toBeTruthy()
  })

  it('counts the script live with src/core’s rules: letters and digits, reading time, limits', async () => {
    render(<EntryPage />)
    const count = await screen.findByTestId('script-count')
    // 大家好，我是一名流调员。 → 10 read characters; punctuation is not read aloud.
    expect(count.textContent).toContain('10 / 2200 字')

    await typeInto(scriptBox(), '学'.repeat(440))
    expect(count.textContent).toContain('440 / 2200 字')
    expect(count.textContent).toContain('约 2 分 0 秒')
    expect(screen.queryByRole('alert')).toBeNull()

    await typeInto(scriptBox(), '习'.repeat(2300))
    expect(count.textContent).toContain('2300 / 2200 字')
    expect(count.textContent).toContain('约 10 分 28 秒')
    expect(screen.getByText('讲稿共 2300 字，超过上限 2200 字，请删减 100 字')).toBeTruthy()
    expect(screen.getByText(/超过 10 分钟上限/)).toBeTruthy()
  })

  it('saves the typed script and reports the content check', async () => {
    cloud.on('entry.saveScript', ok({ entryId: 'e1', chars: 8, seconds: 3, status: 'pass', reason: '内容检查通过' }))
    render(<EntryPage />)
    await screen.findByTestId('script-count')
    await typeInto(scriptBox(), '讲好身边的战疫故事')
    await act(async () => {
      fireEvent.click(screen.getByText('保存讲稿'))
    })
    expect(await screen.findByText('讲稿已保存，内容检查通过')).toBeTruthy()
    expect(cloud.sent('entry.saveScript')).toEqual([{ entryId: 'e1', text: '讲好身边的战疫故事' }])
  })

  it('sends the speaker to the video check page with the entry id', async () => {
    render(<EntryPage />)
    const upload = await screen.findByText('上传视频')
    await act(async () => {
      fireEvent.click(upload)
    })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/video/pages/check/index?entryId=e1' })
  })

  it('offers to register when the speaker has no entry in the campaign', async () => {
    params = { campaignId: 'c1' }
    cloud.on('entry.mine', ok([]))
    render(<EntryPage />)
    expect(await screen.findByText('还没有报名')).toBeTruthy()
    expect(screen.getByText('我要报名')).toBeTruthy()
  })
})
