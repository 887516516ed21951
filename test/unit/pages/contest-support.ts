/**
 * Shared by the contest page tests: a fake cloud that answers per function and action (through the
 * mocked transport, so the real `call`, stores and pages run), typing into Taro's H5 inputs, fixtures.
 */
import { act, waitFor } from '@testing-library/react'
import type { CampaignDetail, EntryDetail, Me } from '../../../src/core/api'
import { defaultCampaignRules, type CampaignRules } from '../../../src/core/contest'
import type { Failure, Result } from '../../../src/core/errors'

export type Event = { action: string; payload: unknown }
type Answer = (payload: never) => Result<unknown> | Promise<Result<unknown>>

/** Answers by `fn.action`; an action without an answer fails the test loudly with its name. */
export function fakeCloud() {
  const answers = new Map<string, Answer>()
  const calls: Array<{ key: string; payload: unknown }> = []
  return {
    calls,
    on(key: string, answer: Answer | Result<unknown>) {
      answers.set(key, typeof answer === 'function' ? answer : () => answer)
    },
    /** The payloads sent to one action, in order. */
    sent(key: string): unknown[] {
      return calls.filter((c) => c.key === key).map((c) => c.payload)
    },
    async invoke(fn: string, event: Event): Promise<Result<unknown>> {
      const key = `${fn}.${event.action}`
      calls.push({ key, payload: event.payload })
      const answer = answers.get(key)
      if (answer === undefined) throw new Error(`unexpected cloud call ${key}`)
      return answer(event.payload as never)
    }
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const failure = (code: Failure['code'], message: string, field?: string): Failure =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }

/**
 * Types as a user does: into the real <input>/<textarea> that Taro's H5 component (a Stencil custom
 * element) renders, whose `input` event the component turns into the onInput/onChange the page sees.
 */
export async function typeInto(host: Element | null, value: string): Promise<void> {
  if (host === null) throw new Error('no input to type into')
  const component = host.matches('taro-input-core, taro-textarea-core') ? host : host.querySelector('taro-input-core, taro-textarea-core')
  if (component === null) throw new Error('no Taro input inside the element')
  // Stencil renders the component's own control asynchronously.
  const control = await waitFor(() => {
    const found = component.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')
    if (found === null) throw new Error('the Taro input has not rendered yet')
    return found
  })
  await act(async () => {
    control.value = value
    control.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export const DAY = 86_400_000

export const rules: CampaignRules = defaultCampaignRules

export function campaignDetail(stage: CampaignDetail['stage'] = 'registration'): CampaignDetail {
  const now = Date.now()
  return {
    id: 'c1',
    name: '大学习 走在前·千名支部书记微宣讲',
    summary: '',
    stage,
    stageDeadlineAt: now + 3 * DAY,
    tracks: [
      { id: 't1', name: '战疫密码：中国之治' },
      { id: 't2', name: '全国两会精神' }
    ],
    unitCount: 2,
    entryCount: 3,
    stages: [
      { stage: 'registration', opensAt: now - 10 * DAY, deadlineAt: now + 3 * DAY },
      { stage: 'preliminary', opensAt: now + 3 * DAY, deadlineAt: now + 13 * DAY },
      { stage: 'semifinal', opensAt: now + 13 * DAY, deadlineAt: now + 23 * DAY },
      { stage: 'final', opensAt: now + 23 * DAY, deadlineAt: now + 30 * DAY },
      { stage: 'published', opensAt: now + 30 * DAY, deadlineAt: null }
    ],
    topics: [
      { id: 'p1', title: '人民至上、生命至上', trackId: 't1' },
      { id: 'p2', title: '高质量发展', trackId: 't2' }
    ],
    units: [
      { id: 'u1', name: '市财政局机关党委' },
      { id: 'u2', name: '市教育局机关党委' }
    ]
  }
}

export function entryDetail(overrides: Partial<EntryDetail> = {}): EntryDetail {
  const now = Date.now()
  return {
    id: 'e1',
    campaignId: 'c1',
    unitId: 'u1',
    unitName: '市财政局机关党委',
    branchId: null,
    speakerOpenid: 'speaker-1',
    status: 'returned',
    form: {
      name: '曹伟',
      gender: '男',
      politicalStatus: '中共党员',
      workplace: '市财政局国库处科员',
      education: '大学本科',
      phone: '13800000007',
      title: '减税降费的温度',
      summary: '讲讲减税降费政策。',
      trackId: 't2',
      topicId: 'p2'
    },
    endorsement: { decision: 'returned', by: 'secretary-1', at: now - DAY, reason: '简要内容过于简短，请补充主要观点。' },
    script: null,
    video: null,
    recommendedAt: null,
    createdAt: now - 3 * DAY,
    submittedAt: null,
    updatedAt: now - DAY,
    ...overrides
  }
}

export const speakerMe: Me = {
  openid: 'speaker-1',
  name: '曹伟',
  memberships: [{ campaignId: 'c1', campaignName: '大学习 走在前·千名支部书记微宣讲', role: 'speaker', unitId: 'u1', unitName: '市财政局机关党委' }]
}
