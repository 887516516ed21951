/**
 * 初赛: a secretary recommends their unit's submitted entries to the semifinal, within the unit's quota.
 * The unit row is locked before counting, so two secretaries (or two taps) cannot both take the last place.
 */
import type { RecommendationResult } from '../../../src/core/api'
import { checkRecommendationQuota, transitionEntry, unitRecommendationProgress, type Action, type EntryEvent } from '../../../src/core/contest'
import type { Deps } from '../ports'
import { authorizeEntry, ensureStageOpen, forUpdate, inTransaction, loadEntryRow, toEntryStatus, unwrap, type Conn } from './contest-context'
import { moveEntry } from './entry-flow'
import { toSummary, unitName } from './entry-records'

/** Statuses that used a place of the unit's quota: recommended, and recommended then selected. */
export const RECOMMENDED_STATUSES = ['recommended', 'finalist'] as const

export async function countRecommended(db: Conn, campaignId: string, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('entries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where('status', 'in', [...RECOMMENDED_STATUSES])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function changeRecommendation(deps: Deps, openid: string, entryId: string, action: Action, event: EntryEvent): Promise<RecommendationResult> {
  return inTransaction(deps.db, async (trx) => {
    // Lock order unit → entry, the same everywhere (see inTransaction).
    const { unit_id: unitId } = await loadEntryRow(trx, entryId)
    await forUpdate(trx, trx.selectFrom('units').select('id').where('id', '=', unitId)).executeTakeFirst()
    const { campaign, entry } = await authorizeEntry(trx, entryId, openid, action, { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'preliminary', now)

    // The entry's own state speaks first: recommending a recommended entry is a conflict, not a quota matter.
    unwrap(transitionEntry(toEntryStatus(entry.status), event))
    const before = await countRecommended(trx, entry.campaign_id, unitId)
    if (event === 'recommend') unwrap(checkRecommendationQuota(campaign.rules, unitId, before))
    const recommending = event === 'recommend'
    await moveEntry(trx, {
      entry,
      event,
      action,
      by: openid,
      now,
      set: recommending ? { recommended_by: openid, recommended_at: now } : { recommended_by: null, recommended_at: null },
      note: { unitRecommended: recommending ? before + 1 : before - 1 }
    })
    const after = await countRecommended(trx, entry.campaign_id, unitId)
    const row = await loadEntryRow(trx, entryId)
    return { entry: toSummary(row, await unitName(trx, unitId)), progress: unitRecommendationProgress(campaign.rules, unitId, after) }
  })
}

export function recommendEntry(deps: Deps, openid: string, entryId: string): Promise<RecommendationResult> {
  return changeRecommendation(deps, openid, entryId, 'entry.recommend', 'recommend')
}

export function unrecommendEntry(deps: Deps, openid: string, entryId: string): Promise<RecommendationResult> {
  return changeRecommendation(deps, openid, entryId, 'entry.unrecommend', 'unrecommend')
}
