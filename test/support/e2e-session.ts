import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium } from './chromium'
import { startRunner, type RunnerProcess } from './runner-process'

export const shotsDir = path.resolve(__dirname, '../../test-results/e2e')

export interface E2ESession {
  runner: RunnerProcess
  page: Page
  /** Closes the browser, stops the runner with SIGTERM and returns its exit code. */
  close(): Promise<number | null>
}

/** `npm start` on a free port with its own data folder, and a phone-sized Chromium page. */
export async function openE2ESession(name: string): Promise<E2ESession> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `xj-e2e-${name}-`))
  mkdirSync(shotsDir, { recursive: true })
  const runner = await startRunner({ DATA_DIR: dataDir })
  const chromium = await launchChromium()
  const page = await chromium.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  return {
    runner,
    page,
    close: async () => {
      await chromium.close()
      const code = await runner.stop()
      rmSync(dataDir, { recursive: true, force: true })
      return code
    }
  }
}

/**
 * Opens 我的 from a fresh start of the app and becomes one of the seeded personas, as a user would.
 * Taro's H5 router keeps earlier page instances hidden in the DOM, so clicks target visible elements only.
 */
export async function signInAs(session: E2ESession, name: string): Promise<void> {
  const { page, runner } = session
  await page.goto(runner.url)
  await page.getByText('我的', { exact: true }).last().click()
  await page.locator('.nut-button', { hasText: /选择演示身份|切换演示身份/ }).filter({ visible: true }).first().click()
  await page.locator('.nut-cell', { hasText: name }).filter({ visible: true }).first().click()
  await page.getByTestId('me-name').filter({ hasText: name, visible: true }).waitFor({ timeout: 30_000 })
}
