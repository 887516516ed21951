import { create } from 'zustand'
import type { VideoVerification } from '../../core/api'
import { DEFAULT_VIDEO_SPEC, parseVideoSpec, type VideoSpec } from '../../core/video'
import { inspectVideo, type VideoInspection } from '../../media'
import { call, CallError } from '../../services/cloud'
import { pickVideo, registerUpload, uploadVideo, type PickedVideo, type PickFrom } from './services/device'

export type Phase = 'idle' | 'reading' | 'checked' | 'uploading' | 'verifying' | 'done' | 'error'

interface VideoCheckState {
  entryId: string | null
  entryTitle: string | null
  spec: VideoSpec
  phase: Phase
  picked: PickedVideo | null
  /** Read on the phone from the header boxes: advice before spending data, never trusted by the cloud. */
  local: VideoInspection | null
  progress: number
  /** What the cloud read back from storage: the verdict that counts. */
  cloud: VideoVerification | null
  error: string | null
  open(entryId: string): Promise<void>
  choose(from: PickFrom): Promise<void>
  upload(): Promise<void>
}

const messageOf = (e: unknown): string => (e instanceof CallError || e instanceof Error ? e.message : '出了点问题，请重试')

export const useVideoCheck = create<VideoCheckState>()((set, get) => ({
  entryId: null,
  entryTitle: null,
  spec: DEFAULT_VIDEO_SPEC,
  phase: 'idle',
  picked: null,
  local: null,
  progress: 0,
  cloud: null,
  error: null,

  open: async (entryId) => {
    set({ entryId, entryTitle: null, phase: 'idle', picked: null, local: null, progress: 0, cloud: null, error: null })
    try {
      const view = await call('entry', 'get', { entryId })
      if (view.visibility === 'public') throw new Error('只能为自己的参赛作品上传视频')
      const rules = await call('campaign', 'rules', { campaignId: view.entry.campaignId })
      set({ entryTitle: view.entry.form.title ?? null, spec: parseVideoSpec(rules.video) })
    } catch (e) {
      set({ phase: 'error', error: messageOf(e) })
    }
  },

  choose: async (from) => {
    const picked = await pickVideo(from)
    if (!picked) return
    set({ phase: 'reading', picked, local: null, cloud: null, progress: 0, error: null })
    try {
      set({ phase: 'checked', local: await inspectVideo(picked.source, get().spec) })
    } catch (e) {
      set({ phase: 'error', error: messageOf(e) })
    }
  },

  upload: async () => {
    const { entryId, picked, local } = get()
    // The button is only offered for a passing verdict; this guards the store too.
    if (!entryId || !picked || !local?.verdict.ok) return
    set({ phase: 'uploading', progress: 0, error: null })
    try {
      const uploaded = await uploadVideo(picked, (progress) => set({ progress }))
      set({ phase: 'verifying', progress: 1 })
      const fileId = await registerUpload(uploaded, picked.name)
      await call('entry', 'attachVideo', { entryId, fileId })
      set({ phase: 'done', cloud: await call('media', 'verify', { entryId }) })
    } catch (e) {
      set({ phase: 'error', error: messageOf(e) })
    }
  }
}))
