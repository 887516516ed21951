import { create } from 'zustand'
import type { CampaignRules } from '../core/api'
import { call } from '../services/cloud'

interface CampaignRulesState {
  /** Rules by campaign id, with every default filled in by the cloud. */
  byId: Record<string, CampaignRules>
  /** Loads once per campaign; the rules change rarely and the cloud re-checks everything anyway. */
  ensure(campaignId: string): Promise<CampaignRules>
}

export const useCampaignRules = create<CampaignRulesState>()((set, get) => ({
  byId: {},
  ensure: async (campaignId) => {
    const known = get().byId[campaignId]
    if (known) return known
    const rules = await call('campaign', 'rules', { campaignId })
    set((s) => ({ byId: { ...s.byId, [campaignId]: rules } }))
    return rules
  }
}))
