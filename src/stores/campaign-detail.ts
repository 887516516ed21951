import { create } from 'zustand'
import type { CampaignDetail } from '../core/api'
import { call, CallError } from '../services/cloud'

interface CampaignDetailState {
  byId: Record<string, { status: 'loading' | 'ready' | 'error'; detail?: CampaignDetail; error?: string }>
  load(campaignId: string): Promise<void>
}

export const useCampaignDetail = create<CampaignDetailState>()((set) => ({
  byId: {},
  load: async (campaignId) => {
    set((s) => ({ byId: { ...s.byId, [campaignId]: { ...s.byId[campaignId], status: 'loading' } } }))
    try {
      const detail = await call('campaign', 'get', { campaignId })
      set((s) => ({ byId: { ...s.byId, [campaignId]: { status: 'ready', detail } } }))
    } catch (e) {
      const error = e instanceof CallError ? e.message : '加载失败，请稍后重试'
      set((s) => ({ byId: { ...s.byId, [campaignId]: { status: 'error', error } } }))
    }
  }
}))
