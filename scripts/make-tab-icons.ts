/**
 * Renders the tab bar icons (81×81 PNG, as WeChat recommends) from inline SVG with Debian's Chromium.
 * Run once after changing a drawing: npx tsx scripts/make-tab-icons.ts
 */
import path from 'node:path'
import { launchChromium } from '../test/support/chromium'

const GREY = '#8c8c8c'
const RED = '#c8161d'
const icons: Record<string, (color: string) => string> = {
  // A podium with a microphone: the contest.
  home: (c) => `<rect x="14" y="52" width="53" height="16" rx="3" fill="none" stroke="${c}" stroke-width="5"/><rect x="32" y="12" width="17" height="28" rx="8.5" fill="none" stroke="${c}" stroke-width="5"/><path d="M24 32a16.5 16.5 0 0 0 33 0M40.5 49v-3" fill="none" stroke="${c}" stroke-width="5" stroke-linecap="round"/>`,
  // Three bars: the ranking.
  ranking: (c) => `<rect x="12" y="40" width="15" height="28" rx="2" fill="none" stroke="${c}" stroke-width="5"/><rect x="33" y="16" width="15" height="52" rx="2" fill="none" stroke="${c}" stroke-width="5"/><rect x="54" y="30" width="15" height="38" rx="2" fill="none" stroke="${c}" stroke-width="5"/>`,
  // A person: me.
  me: (c) => `<circle cx="40.5" cy="28" r="13" fill="none" stroke="${c}" stroke-width="5"/><path d="M15 70c2-14 12.5-21 25.5-21S64 56 66 70" fill="none" stroke="${c}" stroke-width="5" stroke-linecap="round"/>`
}

async function main() {
  const { browser, close } = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
  const out = path.resolve(__dirname, '../src/assets/tab')
  for (const [name, draw] of Object.entries(icons)) {
    for (const [suffix, color] of [['', GREY], ['-active', RED]] as const) {
      await page.setContent(`<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${draw(color)}</svg></body></html>`)
      await page.screenshot({ path: path.join(out, `${name}${suffix}.png`), omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
    }
  }
  await close()
  console.log(`tab icons written to ${out}`)
}

void main()
