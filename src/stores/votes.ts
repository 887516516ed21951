import { create } from 'zustand'
import type { LeaderboardTrack, MyVotesToday } from '../core/api'
import { call, CallError } from '../services/cloud'
import { messageOf, problemOf, successNotice, type Notice } from './failure'

interface VotesState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  campaignId: string | null
  tracks: LeaderboardTrack[]
  /** Today's votes; null when the caller is not signed in. */
  mine: MyVotesToday | null
  castingId: string | null
  notice: Notice | null
  load(campaignId: string): Promise<void>
  cast(entryId: string): Promise<void>
}

/** Signed-out callers still see the leaderboard; only their own votes need a sign-in. */
async function myVotes(campaignId: string): Promise<MyVotesToday | null> {
  try {
    return await call('vote', 'mine', { campaignId })
  } catch (e) {
    if (e instanceof CallError && e.code === 'UNAUTHENTICATED') return null
    throw e
  }
}

export const useVotes = create<VotesState>()((set, get) => ({
  status: 'idle',
  error: null,
  campaignId: null,
  tracks: [],
  mine: null,
  castingId: null,
  notice: null,

  load: async (campaignId) => {
    set((s) => ({ status: 'loading', error: null, notice: null, campaignId, ...(s.campaignId === campaignId ? {} : { tracks: [], mine: null }) }))
    try {
      const [tracks, mine] = await Promise.all([call('vote', 'leaderboard', { campaignId }), myVotes(campaignId)])
      set({ status: 'ready', tracks, mine })
    } catch (e) {
      set({ status: 'error', error: messageOf(e) })
    }
  },

  cast: async (entryId) => {
    const campaignId = get().campaignId
    if (campaignId === null) return
    set({ castingId: entryId, notice: null })
    try {
      const cast = await call('vote', 'cast', { entryId })
      const [tracks, mine] = await Promise.all([call('vote', 'leaderboard', { campaignId }), myVotes(campaignId)])
      set({ tracks, mine, notice: successNotice(cast.remainingToday > 0 ? `投票成功，今天还可以投 ${cast.remainingToday} 票` : '投票成功，今天的票已用完') })
    } catch (e) {
      const problem = problemOf(e)
      const text =
        problem.code === 'VOTE_LIMIT' ? `投票未成功：${problem.message}` : problem.code === 'STAGE_CLOSED' ? `投票已关闭：${problem.message}` : problem.message
      set({ notice: { kind: 'error', text } })
      // The cloud knows best what is left today; show its view rather than guess.
      if (problem.code === 'VOTE_LIMIT' || problem.code === 'STAGE_CLOSED') set({ mine: await myVotes(campaignId).catch(() => get().mine) })
    } finally {
      set({ castingId: null })
    }
  }
}))

/** Why a vote button is off, or null when the caller may vote for the entry now. */
export function voteBlocker(mine: MyVotesToday | null, entryId: string): string | null {
  if (mine === null) return '登录后投票'
  if (!mine.open) return '未开放'
  if (mine.entryIds.includes(entryId)) return '今日已投'
  if (mine.remaining <= 0) return '票已用完'
  return null
}
