import { create } from 'zustand'
import type { CampaignSummary } from '../core/api'
import { call, CallError } from '../services/cloud'

type Status = 'idle' | 'loading' | 'ready' | 'error'

interface CampaignsState {
  status: Status
  items: CampaignSummary[]
  error: string | null
  load(): Promise<void>
}

export const useCampaigns = create<CampaignsState>()((set, get) => ({
  status: 'idle',
  items: [],
  error: null,
  load: async () => {
    if (get().status === 'loading') return
    set({ status: 'loading', error: null })
    try {
      const items = await call('campaign', 'list', {})
      set({ status: 'ready', items })
    } catch (e) {
      set({ status: 'error', error: e instanceof CallError ? e.message : '加载失败，请稍后重试' })
    }
  }
}))
