/**
 * Reading entries: my own, my unit's (secretary), all (organizer), and one entry cut to what the caller
 * may see — the phone number only for the speaker, their secretary and organizers.
 */
import type { z } from 'zod'
import type { EntryDetailView, EntryListAllInput, EntrySummary, UnitEntries } from '../../../src/core/api'
import { unitRecommendationProgress, viewEntry } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { Entry } from '../db/schema'
import type { Deps } from '../ports'
import { authorizeCampaign, ensureAllowed, loadActor, loadCampaign, loadEntryRow, entryAccess, type Conn } from './contest-context'
import { toDetail, toSummary, unitName, unitNames } from './entry-records'
import { countRecommended } from './recommendations'

async function summaries(db: Conn, rows: readonly Entry[]): Promise<EntrySummary[]> {
  const names = await unitNames(db, rows.map((r) => r.unit_id))
  return rows.map((r) => toSummary(r, names.get(r.unit_id) ?? ''))
}

/** The caller's own entries, newest first; identity alone decides, so no role is needed. */
export async function myEntries(deps: Deps, openid: string, campaignId: string | undefined): Promise<EntrySummary[]> {
  let query = deps.db.selectFrom('entries').selectAll().where('speaker_openid', '=', openid)
  if (campaignId !== undefined) query = query.where('campaign_id', '=', campaignId)
  return summaries(deps.db, await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute())
}

/** A unit's entries for its secretary (or an organizer). Drafts stay private to their speaker. */
export async function unitEntries(deps: Deps, openid: string, campaignId: string, unitId: string): Promise<UnitEntries> {
  const campaign = await loadCampaign(deps.db, campaignId)
  const unit = await deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).where('campaign_id', '=', campaignId).executeTakeFirst()
  if (unit === undefined) throw new AppError(ErrorCode.NOT_FOUND, '单位不存在', 'payload.unitId')
  ensureAllowed(await loadActor(deps.db, campaignId, openid), 'entry.listUnit', { kind: 'unit', unitId })
  const rows = await deps.db
    .selectFrom('entries')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where('status', '!=', 'draft')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const recommended = await countRecommended(deps.db, campaignId, unitId)
  return {
    unitId,
    unitName: unit.name,
    progress: unitRecommendationProgress(campaign.rules, unitId, recommended),
    entries: await summaries(deps.db, rows)
  }
}

/** Every entry of the campaign for organizers; drafts only when asked for by status. */
export async function allEntries(deps: Deps, openid: string, input: z.output<typeof EntryListAllInput>): Promise<EntrySummary[]> {
  await authorizeCampaign(deps.db, input.campaignId, openid, 'entry.listAll')
  let query = deps.db.selectFrom('entries').selectAll().where('campaign_id', '=', input.campaignId)
  query = input.status === undefined ? query.where('status', '!=', 'draft') : query.where('status', '=', input.status)
  if (input.unitId !== undefined) query = query.where('unit_id', '=', input.unitId)
  if (input.trackId !== undefined) query = query.where('track_id', '=', input.trackId)
  return summaries(deps.db, await query.orderBy('created_at').orderBy('id').execute())
}

/** One entry as the caller may see it; anonymous callers see public entries only. */
export async function getEntry(deps: Deps, openid: string | null, entryId: string): Promise<EntryDetailView> {
  const row = await loadEntryRow(deps.db, entryId)
  const campaign = await loadCampaign(deps.db, row.campaign_id)
  const actor = await loadActor(deps.db, row.campaign_id, openid)
  const access = await entryAccess(deps.db, campaign, row)
  ensureAllowed(actor, 'entry.view', { kind: 'entry', entry: access })
  const view = viewEntry(actor, toDetail(row, await unitName(deps.db, row.unit_id), campaign.rules), access)
  if (view === null) throw new AppError(ErrorCode.FORBIDDEN, '无权查看该作品')
  return view
}
