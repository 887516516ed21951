/**
 * 成绩: the organizer previews the final ranking, awards and 组织奖, and publishes a frozen snapshot.
 * Everyone reads the latest published version; later score corrections change nothing there until the
 * organizer publishes again (a new version, audited).
 */
import { z } from 'zod'
import type { PublishedResults, ResultsLabels, ResultsPreview } from '../../../src/core/api'
import { buildResults, type ResultsSnapshot } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { isUniqueViolation } from '../db/errors'
import type { Deps } from '../ports'
import { authorizeCampaign, ensureStageOpen, inTransaction, parseJson, toEntryStatus, unwrap, writeAudit, type CampaignContext, type Conn, CorruptRowError } from './contest-context'
import { parseForm } from './entry-records'
import { rankingEntry } from './judging'
import { loadSheets } from './score-sheets'

async function voteCounts(db: Conn, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('votes')
    .select(['entry_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('entry_id')
    .execute()
  return new Map(rows.map((r) => [r.entry_id, Number(r.n)]))
}

/** Ranking, awards and 组织奖 from the database as it is now, with the names to show beside them. */
async function computeResults(db: Conn, campaign: CampaignContext): Promise<ResultsSnapshot & ResultsLabels> {
  const campaignId = campaign.row.id
  const all = await db.selectFrom('entries').selectAll().where('campaign_id', '=', campaignId).orderBy('created_at').orderBy('id').execute()
  const finalists = all.filter((e) => e.status === 'finalist')
  const snapshot = unwrap(
    buildResults(campaign.rules, {
      entries: finalists.map(rankingEntry),
      sheets: await loadSheets(db, campaignId),
      votes: await voteCounts(db, campaignId),
      allEntries: all.map((e) => ({ entryId: e.id, unitId: e.unit_id, status: toEntryStatus(e.status) }))
    })
  )
  const [units, tracks] = await Promise.all([
    db.selectFrom('units').select(['id', 'name']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('tracks').select(['id', 'name']).where('campaign_id', '=', campaignId).execute()
  ])
  const entries: ResultsLabels['entries'] = {}
  for (const e of finalists) entries[e.id] = { title: e.title, speakerName: parseForm(e).name ?? null, unitId: e.unit_id, trackId: e.track_id }
  return {
    ...snapshot,
    entries,
    units: Object.fromEntries(units.map((u) => [u.id, u.name])),
    tracks: Object.fromEntries(tracks.map((t) => [t.id, t.name]))
  }
}

export async function previewResults(deps: Deps, openid: string, campaignId: string): Promise<ResultsPreview> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'ranking.view')
  return { campaignId, computedAt: deps.clock.now(), ...(await computeResults(deps.db, campaign)) }
}

/** Publishes (or republishes) the results as a new frozen version, in the `published` stage. */
export async function publishResults(deps: Deps, openid: string, campaignId: string): Promise<PublishedResults> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, campaignId, openid, 'results.publish', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'published', now)
    const results = await computeResults(trx, campaign)
    const last = await trx.selectFrom('results').select('version').where('campaign_id', '=', campaignId).orderBy('version', 'desc').limit(1).executeTakeFirst()
    const version = (last === undefined ? 0 : Number(last.version)) + 1
    const published: PublishedResults = { campaignId, version, publishedAt: now, ...results }
    try {
      await trx.insertInto('results').values({ campaign_id: campaignId, version, published_at: now, published_by: openid, snapshot: JSON.stringify(published) }).execute()
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(ErrorCode.CONFLICT, '成绩正在由他人发布，请刷新后再试')
      throw e
    }
    await writeAudit(trx, {
      campaignId,
      actor: openid,
      action: 'results.publish',
      targetType: 'results',
      targetId: campaignId,
      before: last === undefined ? null : { version: Number(last.version) },
      after: { version, awards: results.awards.length, organizationAwards: results.organizations.filter((o) => o.awarded).length },
      at: now
    })
    return published
  })
}

const PublishedShape = z.object({ campaignId: z.string(), version: z.number(), publishedAt: z.number() }).loose()

/** The latest published snapshot, exactly as it was frozen. */
export async function readPublishedResults(deps: Deps, openid: string | null, campaignId: string): Promise<PublishedResults> {
  await authorizeCampaign(deps.db, campaignId, openid, 'results.view')
  const row = await deps.db.selectFrom('results').select(['version', 'snapshot']).where('campaign_id', '=', campaignId).orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (row === undefined) throw new AppError(ErrorCode.NOT_FOUND, '比赛结果尚未发布')
  const parsed = PublishedShape.safeParse(parseJson(row.snapshot))
  if (!parsed.success) throw new CorruptRowError(`results ${campaignId} v${row.version} is not a snapshot`)
  // Written by publishResults from this very type; only its envelope is re-checked here.
  return parsed.data as unknown as PublishedResults
}
