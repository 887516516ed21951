/**
 * 观众投票. One vote per voter per entry per Shanghai day and a daily cap, held by the two unique keys
 * of the votes table: the insert is the final word, never a count read before it. The read before the
 * insert only explains the rules and picks the slot to try; a key violation sends us round again, where
 * the fresh read says "already voted" or "no votes left", or offers the next free slot.
 */
import type { LeaderboardRow, LeaderboardTrack, MyVotesToday, VoteCast } from '../../../src/core/api'
import { checkVote, isVotingOpen, shanghaiDayKey, votableStatuses } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { isUniqueViolation } from '../db/errors'
import type { Deps } from '../ports'
import { authorizeCampaign, authorizeEntry, isEntryPublic, toEntryStatus, unwrap, type Conn } from './contest-context'
import { parseForm, unitNames } from './entry-records'

/** InnoDB may pick one of several inserts racing on the same unique key as a deadlock victim; it is retried. */
function isDeadlock(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  return error.code === 'ER_LOCK_DEADLOCK' || error.code === 'ER_LOCK_WAIT_TIMEOUT'
}

async function votesToday(db: Conn, campaignId: string, voter: string, day: string): Promise<Array<{ entry_id: string; slot: number }>> {
  return db.selectFrom('votes').select(['entry_id', 'slot']).where('campaign_id', '=', campaignId).where('voter_openid', '=', voter).where('day', '=', day).execute()
}

export async function castVote(deps: Deps, openid: string, entryId: string): Promise<VoteCast> {
  const { campaign, entry } = await authorizeEntry(deps.db, entryId, openid, 'vote.cast')
  const rules = campaign.rules.votes
  // Each lost race means another vote of this voter landed, so cap + a few rounds always settle it.
  for (let attempt = 0; attempt < rules.dailyCap + 3; attempt++) {
    const now = deps.clock.now()
    const mine = await votesToday(deps.db, entry.campaign_id, openid, shanghaiDayKey(now))
    const ticket = unwrap(
      checkVote(rules, {
        now,
        clock: campaign.clock,
        entryStatus: toEntryStatus(entry.status),
        votesToday: mine.length,
        votedEntryToday: mine.some((v) => v.entry_id === entry.id)
      })
    )
    try {
      await deps.db
        .insertInto('votes')
        .values({ campaign_id: entry.campaign_id, entry_id: entry.id, voter_openid: openid, day: ticket.dayKey, slot: ticket.slot, created_at: now })
        .execute()
      return { entryId: entry.id, day: ticket.dayKey, remainingToday: Math.max(0, rules.dailyCap - ticket.slot) }
    } catch (e) {
      if (isUniqueViolation(e) || isDeadlock(e)) continue
      throw e
    }
  }
  throw new AppError(ErrorCode.CONFLICT, '投票人数较多，请稍后重试')
}

/** The caller's votes of today (Shanghai day) in one campaign. */
export async function myVotesToday(deps: Deps, openid: string, campaignId: string): Promise<MyVotesToday> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'campaign.view')
  const now = deps.clock.now()
  const day = shanghaiDayKey(now)
  const mine = await votesToday(deps.db, campaignId, openid, day)
  const cap = campaign.rules.votes.dailyCap
  return {
    campaignId,
    day,
    dailyCap: cap,
    entryIds: [...mine].sort((a, b) => a.slot - b.slot).map((v) => v.entry_id),
    remaining: Math.max(0, cap - mine.length),
    open: isVotingOpen(campaign.rules.votes, campaign.clock, now)
  }
}

/**
 * Votes per track for the entries the audience can see, counted exactly by the database. Equal counts
 * share a place (1, 1, 3); within it, the earlier registration is listed first.
 */
export async function leaderboard(deps: Deps, openid: string | null, campaignId: string, trackId: string | undefined): Promise<LeaderboardTrack[]> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'leaderboard.view')
  const candidates = [...new Set([...votableStatuses('semifinal'), ...votableStatuses('final')])]
  let query = deps.db.selectFrom('entries').selectAll().where('campaign_id', '=', campaignId).where('status', 'in', candidates)
  if (trackId !== undefined) query = query.where('track_id', '=', trackId)
  const entries = (await query.orderBy('created_at').orderBy('id').execute()).filter((e) => isEntryPublic(campaign, toEntryStatus(e.status)))
  const counts = await deps.db
    .selectFrom('votes')
    .select(['entry_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('entry_id')
    .execute()
  const votes = new Map(counts.map((c) => [c.entry_id, Number(c.n)]))
  const names = await unitNames(deps.db, entries.map((e) => e.unit_id))
  let tracksQuery = deps.db.selectFrom('tracks').select(['id', 'name']).where('campaign_id', '=', campaignId)
  if (trackId !== undefined) tracksQuery = tracksQuery.where('id', '=', trackId)
  const tracks = await tracksQuery.orderBy('sort').orderBy('id').execute()

  return tracks.map((t) => {
    const rows = entries
      .filter((e) => e.track_id === t.id)
      .map((e) => ({ e, votes: votes.get(e.id) ?? 0 }))
      .sort((a, b) => b.votes - a.votes)
    let position = 0
    const out: LeaderboardRow[] = rows.map((r, i) => {
      if (i === 0 || (rows[i - 1]?.votes ?? -1) !== r.votes) position = i + 1
      return {
        entryId: r.e.id,
        title: r.e.title,
        speakerName: parseForm(r.e).name ?? null,
        unitId: r.e.unit_id,
        unitName: names.get(r.e.unit_id) ?? '',
        votes: r.votes,
        position
      }
    })
    return { trackId: t.id, trackName: t.name, rows: out }
  })
}
