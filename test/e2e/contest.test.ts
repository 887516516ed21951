import path from 'node:path'
import type { Page } from 'playwright-core'
import type { EntrySummary } from '../../src/core/api'
import type { Result } from '../../src/core/errors'
import { openE2ESession, shotsDir as shots, signInAs as signInAsPersona, type E2ESession } from '../support/e2e-session'
import type { RunnerProcess } from '../support/runner-process'

// The first run builds the H5 app and the functions (about a minute on 2 cores).
jest.setTimeout(360_000)

let session: E2ESession
let runner: RunnerProcess
let page: Page

/** The seeded speaker whose 推荐表 was returned (简要内容过于简短), and the secretary of their unit. */
const SPEAKER = { openid: 'demo-speaker-07', name: '曹伟' }
const SECRETARY = { name: '王志强', unit: '市财政局机关党委' }
const ORGANIZER = { name: '赵慧敏' }
const NEW_SUMMARY = '从一张退税单讲起，讲清减税降费如何为企业减负、为发展添力，讲好身边的政策故事。'

/** Reads the speaker's entries straight from the local cloud, as the phone would, to check what was stored. */
async function speakerEntries(): Promise<EntrySummary[]> {
  const res = await fetch(new URL('/api/fn/entry', runner.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-OpenId': SPEAKER.openid },
    body: JSON.stringify({ action: 'mine', payload: {} })
  })
  const result = (await res.json()) as Result<EntrySummary[]>
  if (!result.ok) throw new Error(result.message)
  return result.data
}

const signInAs = (name: string): Promise<void> => signInAsPersona(session, name)

/** Lets Taro's page transition finish and shows the top of the page, where the outcome is. */
async function settle(): Promise<void> {
  await page.waitForTimeout(800)
  // Taro's H5 pages scroll inside their own container, not the window.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0
  })
}

beforeAll(async () => {
  session = await openE2ESession('contest')
  ;({ runner, page } = session)
})

afterAll(async () => {
  expect(await session?.close()).toBe(0)
})

describe('a returned 推荐表, fixed by the speaker and endorsed by their secretary', () => {
  it('starts from the seed: the entry was returned with a reason', async () => {
    const [entry] = await speakerEntries()
    expect(entry?.status).toBe('returned')
  })

  it('the speaker sees the return reason on their entry and edits the form', async () => {
    await signInAs(SPEAKER.name)
    await page.locator('.nut-cell', { hasText: '我的参赛作品' }).filter({ visible: true }).first().click()
    await page.getByText('退回意见：简要内容过于简短，请补充宣讲的主要观点和身边事例后重新提交。').waitFor({ timeout: 30_000 })
    await page.getByTestId('entry-status').filter({ hasText: '已退回' }).waitFor()
    await settle()
    await page.screenshot({ path: path.join(shots, 'contest-entry-returned.png') })

    await page.locator('.nut-cell', { hasText: '修改推荐表' }).filter({ visible: true }).first().click()
    const summary = page.getByTestId('field-summary').locator('textarea')
    await summary.waitFor({ timeout: 30_000 })
    await summary.fill(NEW_SUMMARY)
    await page.locator('.nut-button', { hasText: '提交单位审核' }).filter({ visible: true }).first().click()
    await page.getByText('推荐表已提交，等待单位书记审核').waitFor({ timeout: 30_000 })
    await page.locator('.register .nut-tag', { hasText: '待单位审核' }).waitFor()
    await settle()
    await page.screenshot({ path: path.join(shots, 'contest-register-submitted.png') })

    const [entry] = await speakerEntries()
    expect(entry?.status).toBe('pending')
  })

  it('the secretary of the unit endorses it from 本单位进度', async () => {
    await signInAs(SECRETARY.name)
    await page.locator('.nut-cell', { hasText: '本单位进度' }).filter({ visible: true }).first().click()
    const row = page.locator('.unit__entry', { hasText: SPEAKER.name }).filter({ visible: true })
    await row.locator('.nut-tag', { hasText: '待单位审核' }).waitFor({ timeout: 30_000 })
    await page.getByText('推荐表待您审核').first().waitFor()
    await settle()
    await page.screenshot({ path: path.join(shots, 'contest-unit-pending.png') })

    await row.locator('.nut-button', { hasText: '同意推荐' }).click()
    await page.getByText(`已同意「${SPEAKER.name}」的推荐表`).waitFor({ timeout: 30_000 })
    await row.locator('.nut-tag', { hasText: '单位已同意' }).waitFor()
    await settle()
    await page.screenshot({ path: path.join(shots, 'contest-unit-endorsed.png') })

    const [entry] = await speakerEntries()
    expect(entry?.status).toBe('endorsed')
  })

  it('the organizer sees it on the dashboard, with the deadlines of every stage', async () => {
    await signInAs(ORGANIZER.name)
    await page.locator('.nut-cell', { hasText: '赛事管理' }).filter({ visible: true }).first().click()
    await page.locator('.admin .nut-cell', { hasText: '复赛（专家评审）' }).filter({ hasText: '截止' }).waitFor({ timeout: 30_000 })
    // The seed's 财政局 has 胡雅琴 (submitted) and now 曹伟 (endorsed): nobody is waiting for the secretary.
    await page.locator('.admin .nut-cell', { hasText: SECRETARY.unit }).filter({ hasText: '报名 2 · 待审核 0 · 已提交 1 · 已推荐 0' }).waitFor()
    await settle()
    await page.screenshot({ path: path.join(shots, 'contest-admin.png') })
  })
})
