/**
 * The speaker's video journey in Chromium against the local cloud: a wrong file is judged on the phone
 * and never uploaded; a compliant one is uploaded (tus), attached, and re-checked by the cloud from the
 * stored file's header ranges, after which the entry can be submitted.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { EntryDetailView, EntrySummary } from '../../src/core/api'
import type { Result } from '../../src/core/errors'
import { openE2ESession, shotsDir as shots, signInAs, type E2ESession } from '../support/e2e-session'
import type { RunnerProcess } from '../support/runner-process'
import { ensureSampleVideos } from '../support/videos'

jest.setTimeout(360_000)

const samples = ensureSampleVideos(['compliant', 'hd720p30'])
/** A seeded speaker whose 推荐表 the secretary has endorsed and whose script is saved: the video is next. */
const SPEAKER_NAME = '邓佳'

let session: E2ESession
let runner: RunnerProcess
let page: Page
let openid = ''
let entryId = ''

async function fn<T>(name: string, action: string, payload: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/fn/${name}`, runner.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Dev-OpenId': openid },
    body: JSON.stringify({ action, payload })
  })
  const result = (await res.json()) as Result<T>
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
  return result.data
}

beforeAll(async () => {
  session = await openE2ESession('video')
  ;({ runner, page } = session)
  const personas = (await (await fetch(new URL('/api/dev/personas', runner.url))).json()) as { data: Array<{ openid: string; name: string; role: string }> }
  openid = personas.data.find((p) => p.name === SPEAKER_NAME && p.role === 'speaker')?.openid ?? ''
  const [entry] = await fn<EntrySummary[]>('entry', 'mine', {})
  entryId = entry?.id ?? ''
})

afterAll(async () => {
  expect(await session?.close()).toBe(0)
})

async function chooseFile(file: string | null): Promise<void> {
  if (!file) throw new Error('ffmpeg is needed to make the sample videos')
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.nut-button', { hasText: /从相册选择/ }).filter({ visible: true }).first().click()
  await (await chooser).setFiles(file)
}

describe('uploading the speech video', () => {
  it('starts from an endorsed entry without a video', async () => {
    expect(openid).not.toBe('')
    const view = await fn<EntryDetailView>('entry', 'get', { entryId })
    expect(view.visibility).toBe('withPhone')
    if (view.visibility !== 'withPhone') return
    expect(view.entry.status).toBe('endorsed')
    expect(view.entry.video).toBeNull()
  })

  it('judges a wrong video on the phone, with fixes, and uploads nothing', async () => {
    await signInAs(session, SPEAKER_NAME)
    await page.goto(new URL(`/#/packages/video/pages/check/index?entryId=${entryId}`, runner.url).toString())
    await page.locator('.video-check__heading', { hasText: '的视频' }).waitFor({ timeout: 30_000 })
    await chooseFile(samples.hd720p30)
    await page.getByText(/不符合要求/).waitFor({ timeout: 30_000 })
    await page.getByText(/不合格的视频不会上传/).waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(shots, 'video-wrong.png'), fullPage: true })
    const files = await fn<unknown>('entry', 'get', { entryId })
    expect(JSON.stringify(files)).not.toContain('"fileId"')
  })

  it('uploads a compliant video, and the cloud re-checks it from storage', async () => {
    await chooseFile(samples.compliant)
    await page.getByText(/^符合要求/).waitFor({ timeout: 30_000 })
    await page.locator('.nut-button', { hasText: /上传视频（/ }).filter({ visible: true }).first().click()
    await page.getByText('云端复核（以此为准）').waitFor({ timeout: 60_000 })
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(shots, 'video-uploaded.png'), fullPage: true })

    const view = await fn<EntryDetailView>('entry', 'get', { entryId })
    if (view.visibility !== 'withPhone') throw new Error('the speaker sees their own entry with phone')
    expect(view.entry.video?.verified).toBe(true)
    const submitted = await fn<{ status: string }>('entry', 'submit', { entryId })
    expect(submitted.status).toBe('submitted')
  })
})
