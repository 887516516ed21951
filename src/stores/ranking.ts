import { create } from 'zustand'
import type { LeaderboardTrack, PublishedResults } from '../core/api'
import { call } from '../services/cloud'
import { messageOf, orNull } from './failure'

interface Board {
  status: 'loading' | 'ready' | 'error'
  error?: string
  tracks: LeaderboardTrack[]
  /** The published snapshot, or null before the organizer publishes. */
  results: PublishedResults | null
}

interface RankingState {
  byId: Record<string, Board>
  load(campaignId: string): Promise<void>
}

/** The 排行 tab: audience votes per track while the contest runs, and the frozen results once published. */
export const useRanking = create<RankingState>()((set) => ({
  byId: {},
  load: async (campaignId) => {
    set((s) => {
      const previous: Board | undefined = s.byId[campaignId]
      return { byId: { ...s.byId, [campaignId]: { tracks: previous?.tracks ?? [], results: previous?.results ?? null, status: 'loading' } } }
    })
    try {
      const [tracks, results] = await Promise.all([call('vote', 'leaderboard', { campaignId }), orNull(call('results', 'get', { campaignId }))])
      set((s) => ({ byId: { ...s.byId, [campaignId]: { status: 'ready', tracks, results } } }))
    } catch (e) {
      set((s) => ({ byId: { ...s.byId, [campaignId]: { tracks: [], results: null, status: 'error', error: messageOf(e) } } }))
    }
  }
}))
