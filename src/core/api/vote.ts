import { z } from 'zod'

const id = (what: string) => z.string({ error: `请指定${what}` }).trim().min(1, `请指定${what}`).max(40, `${what}编号过长`)

export const VoteCastInput = z.object({ entryId: id('参赛作品') }).strict()
export type VoteCastInput = z.input<typeof VoteCastInput>

export const VoteMineInput = z.object({ campaignId: id('活动') }).strict()
export type VoteMineInput = z.input<typeof VoteMineInput>

export const VoteLeaderboardInput = z.object({ campaignId: id('活动'), trackId: id('赛道').optional() }).strict()
export type VoteLeaderboardInput = z.input<typeof VoteLeaderboardInput>

export interface VoteCast {
  entryId: string
  /** The Shanghai calendar day the vote counts for, `YYYY-MM-DD`. */
  day: string
  /** Votes left today after this one. */
  remainingToday: number
}

export interface MyVotesToday {
  campaignId: string
  day: string
  dailyCap: number
  entryIds: string[]
  remaining: number
  /** Whether a vote window is open now. */
  open: boolean
}

export interface LeaderboardRow {
  entryId: string
  title: string
  speakerName: string | null
  unitId: string
  unitName: string
  /** Exact count from the votes table. */
  votes: number
  position: number
}

export interface LeaderboardTrack {
  trackId: string
  trackName: string
  rows: LeaderboardRow[]
}
