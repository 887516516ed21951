import { ErrorCode, ok, type Result } from '../errors'
import type { CampaignRules, VoteWindow } from './campaign-rules'
import type { EntryStatus } from './entry-status'
import { fail } from './fail'
import { shanghaiDayKey } from './shanghai-time'
import type { CampaignClock } from './stage'

/**
 * The audience vote rules. "One vote per member per entry per day" and "three a day" are enforced by
 * the database, not by a count read before an insert:
 *   - unique (campaign, voter, entry, dayKey)   → a second vote for the same entry that day fails;
 *   - unique (campaign, voter, dayKey, slot)    → slot is 1…dailyCap, so a fourth vote has no slot.
 * These functions explain the rules to the voter and pick the slot to try; a unique-key violation on
 * insert is the final word (report VOTE_LIMIT, or recount and retry the next slot once).
 */

export type VoteRules = CampaignRules['votes']

/** The window open now, if any: the recorded stage must match and the clock must be inside it. */
export function openVoteWindow(votes: VoteRules, clock: CampaignClock, now: number): VoteWindow | null {
  if (!votes.enabled) return null
  for (const w of votes.windows) {
    if (clock.stage !== w.stage) continue
    const opensAt = w.opensAt ?? Number.NEGATIVE_INFINITY
    const closesAt = Math.min(w.closesAt ?? Number.POSITIVE_INFINITY, clock.deadlines[w.stage])
    if (now >= opensAt && now < closesAt) return w
  }
  return null
}

export function isVotingOpen(votes: VoteRules, clock: CampaignClock, now: number): boolean {
  return openVoteWindow(votes, clock, now) !== null
}

/** Which entries may be voted for in a stage's window: those still in the running at that stage. */
export function votableStatuses(stage: VoteWindow['stage']): readonly EntryStatus[] {
  return stage === 'semifinal' ? ['recommended', 'finalist'] : ['finalist']
}

export interface VoteAttempt {
  readonly now: number
  readonly clock: CampaignClock
  readonly entryStatus: EntryStatus
  /** Votes this voter has cast in this campaign on the Shanghai day of `now`. */
  readonly votesToday: number
  /** Whether this voter already voted for this entry that day. */
  readonly votedEntryToday: boolean
}

export interface VoteTicket {
  /** The Shanghai calendar day, part of both unique keys. */
  readonly dayKey: string
  /** 1…dailyCap: the place this vote takes in the voter's day. */
  readonly slot: number
}

export function checkVote(votes: VoteRules, attempt: VoteAttempt): Result<VoteTicket> {
  if (!votes.enabled) return fail(ErrorCode.STAGE_CLOSED, '本活动未开放观众投票')
  const window = openVoteWindow(votes, attempt.clock, attempt.now)
  if (window === null) return fail(ErrorCode.STAGE_CLOSED, '当前不在投票时间内')
  if (!votableStatuses(window.stage).includes(attempt.entryStatus)) {
    return fail(ErrorCode.CONFLICT, '该作品不在本轮投票范围内', 'entryId')
  }
  if (attempt.votedEntryToday) return fail(ErrorCode.VOTE_LIMIT, '今天已为该作品投过票，明天再来吧')
  if (attempt.votesToday >= votes.dailyCap) {
    return fail(ErrorCode.VOTE_LIMIT, `每人每天最多投 ${votes.dailyCap} 票，今天的票已用完`)
  }
  return ok({ dayKey: shanghaiDayKey(attempt.now), slot: attempt.votesToday + 1 })
}
