import type { CampaignDetail, CampaignSummary, Stage } from '../../../src/core/api'
import { Stage as StageSchema } from '../../../src/core/api'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { Db } from '../db/schema'

// Drafts are private to their speaker; everything else counts as a registered entry.
const PUBLIC_ENTRY_STATUSES_EXCLUDED = ['draft']

function toStage(value: string): Stage {
  const parsed = StageSchema.safeParse(value)
  if (!parsed.success) throw new Error(`campaign has an unknown stage: ${value}`)
  return parsed.data
}

/** Public campaign information for the home page, newest first. */
export async function listCampaigns(db: Db): Promise<CampaignSummary[]> {
  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'name', 'summary', 'stage'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  if (campaigns.length === 0) return []
  const ids = campaigns.map((c) => c.id)

  const [tracks, deadlines, unitCounts, entryCounts] = await Promise.all([
    db.selectFrom('tracks').select(['id', 'name', 'campaign_id']).where('campaign_id', 'in', ids).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('campaign_stages').select(['campaign_id', 'stage', 'deadline_at']).where('campaign_id', 'in', ids).execute(),
    db
      .selectFrom('units')
      .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('campaign_id', 'in', ids)
      .groupBy('campaign_id')
      .execute(),
    db
      .selectFrom('entries')
      .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('campaign_id', 'in', ids)
      .where('status', 'not in', PUBLIC_ENTRY_STATUSES_EXCLUDED)
      .groupBy('campaign_id')
      .execute()
  ])

  const countOf = (rows: Array<{ campaign_id: string; n: number | string }>, id: string) =>
    Number(rows.find((r) => r.campaign_id === id)?.n ?? 0)

  return campaigns.map((c) => {
    const stage = toStage(c.stage)
    return {
      id: c.id,
      name: c.name,
      summary: c.summary,
      stage,
      stageDeadlineAt: deadlines.find((d) => d.campaign_id === c.id && d.stage === stage)?.deadline_at ?? null,
      tracks: tracks.filter((t) => t.campaign_id === c.id).map((t) => ({ id: t.id, name: t.name })),
      unitCount: countOf(unitCounts, c.id),
      entryCount: countOf(entryCounts, c.id)
    }
  })
}

/** One campaign with its stage calendar, topic menu and units. */
export async function getCampaign(db: Db, campaignId: string): Promise<CampaignDetail> {
  const summary = (await listCampaigns(db)).find((c) => c.id === campaignId)
  if (!summary) throw new AppError(ErrorCode.NOT_FOUND, '活动不存在或已下线', 'campaignId')
  const [stages, topics, units] = await Promise.all([
    db.selectFrom('campaign_stages').select(['stage', 'opens_at', 'deadline_at']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('topics').select(['id', 'title', 'track_id']).where('campaign_id', '=', campaignId).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('units').select(['id', 'name']).where('campaign_id', '=', campaignId).orderBy('sort').orderBy('id').execute()
  ])
  const order = StageSchema.options
  return {
    ...summary,
    stages: stages
      .map((s) => ({ stage: toStage(s.stage), opensAt: s.opens_at, deadlineAt: s.deadline_at }))
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage)),
    topics: topics.map((t) => ({ id: t.id, title: t.title, trackId: t.track_id })),
    units
  }
}
