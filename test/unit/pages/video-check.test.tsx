/** @jest-environment jsdom */
import { readFileSync } from 'node:fs'
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { Result } from '../../../src/core/errors'
import { bytesSource } from '../../../src/media'
import { ensureSampleVideos } from '../../support/videos'

const samples = ensureSampleVideos(['compliant', 'hd720p30'])

type Event = { action: string; payload: unknown }
const invoke = jest.fn<Promise<Result<unknown>>, [string, Event]>()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, e: Event) => invoke(fn, e) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { entryId: 'ent_1' } }) }
})
const pickVideo = jest.fn()
const uploadVideo = jest.fn()
jest.mock('../../../src/packages/video/services/device', () => ({
  pickSources: ['album'],
  cameraHint: '相机最长 60 秒',
  pickVideo: (...a: unknown[]) => pickVideo(...a),
  uploadVideo: (...a: unknown[]) => uploadVideo(...a),
  registerUpload: async (id: string) => id
}))

import VideoCheckPage from '../../../src/packages/video/pages/check/index'

function picked(file: string | null) {
  if (!file) throw new Error('ffmpeg is needed to make the sample videos')
  const bytes = new Uint8Array(readFileSync(file))
  return { name: file.split('/').pop(), size: bytes.byteLength, source: bytesSource(bytes), ref: 'x' }
}

beforeEach(() => {
  invoke.mockReset()
  pickVideo.mockReset()
  uploadVideo.mockReset()
  invoke.mockImplementation(async (fn, { action }) => {
    if (fn === 'entry' && action === 'get') return { ok: true, data: { visibility: 'withPhone', entry: { campaignId: 'cmp_1', form: { title: '小康路上' } } } }
    if (fn === 'campaign' && action === 'rules') return { ok: true, data: { video: {} } }
    if (fn === 'entry' && action === 'attachVideo') return { ok: true, data: {} }
    if (fn === 'media' && action === 'verify') return { ok: true, data: { entryId: 'ent_1', fileId: 'f1', facts: null, verdict: { ok: true, problems: [] }, verifiedAt: 1 } }
    return { ok: false, code: 'UNKNOWN_ACTION', message: `${fn}.${action}` }
  })
})

describe('video check page', () => {
  it('shows the verdict and fixes for a wrong video and never uploads it', async () => {
    pickVideo.mockResolvedValue(picked(samples.hd720p30))
    render(<VideoCheckPage />)
    await screen.findByText('《小康路上》的视频')
    await act(async () => fireEvent.click(screen.getByText('从相册选择')))
    expect(await screen.findByText(/不符合要求/)).toBeTruthy()
    expect(screen.getAllByText(/1280×720/).length).toBeGreaterThan(0)
    expect(screen.getByText(/不合格的视频不会上传/)).toBeTruthy()
    expect(screen.queryByText(/上传视频（/)).toBeNull()
    expect(uploadVideo).not.toHaveBeenCalled()
  })

  it('uploads a passing video only when asked, then shows the cloud’s verdict', async () => {
    pickVideo.mockResolvedValue(picked(samples.compliant))
    uploadVideo.mockImplementation(async (_v: unknown, onProgress: (f: number) => void) => {
      onProgress(0.5)
      return 'upl_1'
    })
    render(<VideoCheckPage />)
    await screen.findByText('《小康路上》的视频')
    await act(async () => fireEvent.click(screen.getByText('从相册选择')))
    // The sample's tiny bitrate earns a warning, which does not block the upload.
    expect(await screen.findByText(/^符合要求/)).toBeTruthy()
    expect(uploadVideo).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByText(/上传视频（/)))
    expect(await screen.findByText('云端复核（以此为准）')).toBeTruthy()
    expect(invoke).toHaveBeenCalledWith('entry', { action: 'attachVideo', payload: { entryId: 'ent_1', fileId: 'upl_1' } })
    expect(invoke).toHaveBeenCalledWith('media', { action: 'verify', payload: { entryId: 'ent_1' } })
  })
})
