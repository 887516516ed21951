import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser.
 * Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  return { browser, close: () => browser.close() }
}
