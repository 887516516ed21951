/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { useEffect } from 'react'
import type { EntryUpdateFormInput } from '../../../src/core/api'
import { campaignDetail, entryDetail, failure, fakeCloud, ok, speakerMe, typeInto, type Event } from './contest-support'

const cloud = fakeCloud()
let params: Record<string, string> = {}
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    useRouter: () => ({ params }),
    useDidShow: (fn: () => void) => useEffect(fn, []), // eslint-disable-line react-hooks/exhaustive-deps
    navigateTo: jest.fn(),
    redirectTo: jest.fn()
  }
})

import RegisterPage from '../../../src/packages/contest/pages/register/index'
import { useMe } from '../../../src/stores/me'

const field = (name: string) => screen.getByTestId(`field-${name}`)
const click = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => {
  cloud.calls.length = 0
  params = { entryId: 'e1' }
  useMe.setState({ status: 'idle', me: null, error: null })
  cloud.on('user.me', ok(speakerMe))
  cloud.on('entry.get', ok({ visibility: 'withPhone', entry: entryDetail() }))
  cloud.on('campaign.get', ok(campaignDetail()))
})

describe('推荐表 page', () => {
  it('opens a returned form with its reason, filled in from the cloud', async () => {
    render(<RegisterPage />)
    expect(await screen.findByText('退回意见：简要内容过于简短，请补充主要观点。')).toBeTruthy()
    expect(screen.getByText('已退回')).toBeTruthy()
    expect(field('title').querySelector('taro-input-core')?.getAttribute('value')).toBe('减税降费的温度')
  })

  it('shows the cloud’s BAD_REQUEST under the field it names, and sends nothing further', async () => {
    cloud.on('entry.updateForm', failure('BAD_REQUEST', '联系电话已被其他报名使用，请核对', 'payload.form.phone'))
    render(<RegisterPage />)
    await screen.findByText('提交单位审核')
    await click('提交单位审核')

    expect(within(field('phone')).getByRole('alert').textContent).toBe('联系电话已被其他报名使用，请核对')
    expect(within(field('title')).queryByRole('alert')).toBeNull()
    expect(cloud.sent('entry.submitForm')).toHaveLength(0)

    // Typing in the field clears its error: the speaker sees the message go once they act on it.
    await typeInto(field('phone'), '13800000008')
    expect(within(field('phone')).queryByRole('alert')).toBeNull()
  })

  it('checks the phone with src/core’s rule before calling the cloud', async () => {
    render(<RegisterPage />)
    await screen.findByText('提交单位审核')
    await typeInto(field('phone'), '12345')
    await click('提交单位审核')
    expect(within(field('phone')).getByRole('alert').textContent).toMatch(/联系电话格式不正确/)
    expect(cloud.sent('entry.updateForm')).toHaveLength(0)
  })

  it('saves the edited form and sends it to the secretary', async () => {
    cloud.on('entry.updateForm', (p: EntryUpdateFormInput) => ok(entryDetail({ form: { ...entryDetail().form, ...p.form } })))
    cloud.on('entry.submitForm', ok(entryDetail({ status: 'pending', endorsement: null })))
    render(<RegisterPage />)
    await screen.findByText('提交单位审核')
    await typeInto(field('summary'), '从一张退税单讲起，讲清减税降费如何为企业减负、为发展添力。')
    await click('提交单位审核')

    expect(await screen.findByText('推荐表已提交，等待单位书记审核')).toBeTruthy()
    const sent = cloud.sent('entry.updateForm')[0] as EntryUpdateFormInput
    expect(sent.entryId).toBe('e1')
    expect(sent.form.summary).toBe('从一张退税单讲起，讲清减税降费如何为企业减负、为发展添力。')
    expect(cloud.sent('entry.submitForm')).toEqual([{ entryId: 'e1' }])
    expect(screen.getByText('待单位审核')).toBeTruthy()
    // Waiting for the secretary: the form is frozen and the page offers the entry instead.
    expect(screen.queryByText('提交单位审核')).toBeNull()
    expect(screen.getByText('查看我的参赛作品')).toBeTruthy()
  })
})
