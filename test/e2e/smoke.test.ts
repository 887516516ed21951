import path from 'node:path'
import type { Page } from 'playwright-core'
import { openE2ESession, shotsDir as shots, type E2ESession } from '../support/e2e-session'
import type { RunnerProcess } from '../support/runner-process'

// The first run builds the H5 app and the functions (about a minute on 2 cores).
jest.setTimeout(360_000)

let session: E2ESession
let runner: RunnerProcess
let page: Page

beforeAll(async () => {
  session = await openE2ESession('smoke')
  ;({ runner, page } = session)
})

afterAll(async () => {
  // A clean SIGTERM shutdown exits 0.
  expect(await session?.close()).toBe(0)
})

describe('H5 app on the local cloud', () => {
  it('shows the seeded campaign on the home tab', async () => {
    await page.goto(runner.url)
    await page.getByText('大学习 走在前·千名支部书记微宣讲').first().waitFor({ timeout: 30_000 })
    await page.getByText('战疫密码：中国之治').first().waitFor()
    await page.screenshot({ path: path.join(shots, 'home.png') })
  })

  it('opens the campaign and shows its stage calendar and units from the cloud', async () => {
    await page.locator('.campaign-card').first().click()
    await page.locator('.campaign .nut-cell', { hasText: '进行中' }).first().waitFor({ timeout: 30_000 })
    await page.locator('.campaign .nut-cell', { hasText: '市发展改革委机关党委' }).first().waitFor()
    await page.waitForTimeout(800)
    await page.screenshot({ path: path.join(shots, 'campaign.png'), fullPage: true })
    await page.goBack()
  })

  it('logs in as a seeded speaker and sees their role on 我的', async () => {
    await page.getByText('我的', { exact: true }).last().click()
    await page.locator('.nut-button', { hasText: '选择演示身份' }).filter({ visible: true }).first().click()
    // The first seeded speaker, 陈思远 (demo-speaker-01), as a user would pick them.
    await page.locator('.nut-cell', { hasText: '陈思远' }).filter({ visible: true }).first().click()
    const name = page.getByTestId('me-name')
    await name.waitFor({ timeout: 30_000 })
    expect((await name.textContent())?.trim()).toBe('陈思远')
    await page.locator('.me .nut-cell', { hasText: '宣讲员' }).first().waitFor()
    // Let Taro's page transition finish so the screenshot shows one page, not two sliding.
    await page.waitForTimeout(800)
    await page.screenshot({ path: path.join(shots, 'me-speaker.png') })
  })
})
