/**
 * The organizer's administration of a campaign: the stage machine, deadlines, rules and unit quotas,
 * each change audited in the transaction that makes it; and the audit log to read them back.
 */
import type {
  AuditEntry,
  CampaignAdvanceInput,
  CampaignAuditLogInput,
  CampaignClockView,
  CampaignExtendDeadlineInput,
  CampaignSetQuotaInput,
  UnitQuotaView
} from '../../../src/core/api'
import {
  checkAdvance,
  DEADLINE_STAGES,
  extendDeadline,
  parseCampaignRules,
  unitQuota,
  type CampaignRules
} from '../../../src/core/contest'
import { videoSpecSchema } from '../../../src/core/video'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { z } from 'zod'
import type { Deps } from '../ports'
import {
  authorizeCampaign,
  ensureAllowed,
  forUpdate,
  inTransaction,
  loadActor,
  loadCampaign,
  parseJson,
  raise,
  writeAudit,
  type CampaignContext,
  type Conn
} from './contest-context'
import { countRecommended } from './recommendations'

/** Round and criterion ids are stored in 32-character columns (scores.round, scores.criterion). */
const MAX_STORED_ID = 32

const clockView = (campaign: CampaignContext): CampaignClockView => ({
  campaignId: campaign.row.id,
  stage: campaign.clock.stage,
  deadlines: { ...campaign.clock.deadlines }
})

/** The rules of a campaign with every default filled: public, the phone shows limits from them. */
export async function campaignRules(deps: Deps, openid: string | null, campaignId: string): Promise<CampaignRules> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'campaign.view')
  return campaign.rules
}

export async function advanceStage(deps: Deps, openid: string, input: CampaignAdvanceInput): Promise<CampaignClockView> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, input.campaignId, openid, 'stage.advance', { lock: true })
    const now = deps.clock.now()
    const moved = checkAdvance(campaign.clock, input.to, now)
    if (!moved.ok) raise({ ...moved, field: 'to' }, { payloadField: true })
    await trx.updateTable('campaigns').set({ stage: moved.data, updated_at: now }).where('id', '=', campaign.row.id).execute()
    await writeAudit(trx, {
      campaignId: campaign.row.id,
      actor: openid,
      action: 'stage.advance',
      targetType: 'campaign',
      targetId: campaign.row.id,
      before: { stage: campaign.clock.stage },
      after: { stage: moved.data },
      at: now
    })
    return clockView({ ...campaign, clock: { ...campaign.clock, stage: moved.data } })
  })
}

export async function extendStageDeadline(deps: Deps, openid: string, input: CampaignExtendDeadlineInput): Promise<CampaignClockView> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, input.campaignId, openid, 'deadline.extend', { lock: true })
    const now = deps.clock.now()
    const extended = extendDeadline(campaign.clock, input.stage, input.deadline, now)
    if (!extended.ok) raise({ ...extended, field: 'deadline' }, { payloadField: true })
    await trx
      .updateTable('campaign_stages')
      .set({ deadline_at: input.deadline })
      .where('campaign_id', '=', campaign.row.id)
      .where('stage', '=', input.stage)
      .execute()
    // The next stage opens right after this one closes, as the seed lays the calendar out.
    const following = DEADLINE_STAGES[DEADLINE_STAGES.indexOf(input.stage) + 1]
    if (following !== undefined) {
      await trx
        .updateTable('campaign_stages')
        .set({ opens_at: input.deadline + 1 })
        .where('campaign_id', '=', campaign.row.id)
        .where('stage', '=', following)
        .execute()
    }
    await trx.updateTable('campaigns').set({ updated_at: now }).where('id', '=', campaign.row.id).execute()
    await writeAudit(trx, {
      campaignId: campaign.row.id,
      actor: openid,
      action: 'deadline.extend',
      targetType: 'campaign',
      targetId: campaign.row.id,
      before: { stage: input.stage, deadline: campaign.clock.deadlines[input.stage] },
      after: { stage: input.stage, deadline: input.deadline },
      at: now
    })
    return clockView({ ...campaign, clock: { ...campaign.clock, deadlines: extended.data } })
  })
}

function badRules(path: readonly PropertyKey[], message: string): never {
  throw new AppError(ErrorCode.BAD_REQUEST, message, ['payload', 'rules', ...path.map(String)].join('.'))
}

/** Checks what parseCampaignRules leaves to the storage and the other modules. */
function checkStorable(rules: CampaignRules, unitIds: ReadonlySet<string>): void {
  rules.rounds.forEach((round, i) => {
    if (round.id.length > MAX_STORED_ID) badRules(['rounds', i, 'id'], `评审轮次编号不能超过 ${MAX_STORED_ID} 个字符`)
    round.rubric.forEach((c, j) => {
      if (c.id.length > MAX_STORED_ID) badRules(['rounds', i, 'rubric', j, 'id'], `评分项编号不能超过 ${MAX_STORED_ID} 个字符`)
    })
  })
  for (const unitId of Object.keys(rules.recommendation.quotaByUnit)) {
    if (!unitIds.has(unitId)) badRules(['recommendation', 'quotaByUnit', unitId], `单位「${unitId}」不属于本活动`)
  }
  if (rules.video !== undefined) {
    const spec = videoSpecSchema.safeParse(rules.video)
    if (!spec.success) {
      const issue: z.core.$ZodIssue | undefined = spec.error.issues[0]
      badRules(['video', ...(issue?.path ?? [])], `视频要求：${issue?.message ?? '格式不正确'}`)
    }
  }
}

const roundsKey = (rules: CampaignRules): string =>
  JSON.stringify(rules.rounds.map((r) => ({ id: r.id, stage: r.stage, rubric: r.rubric.map((c) => ({ id: c.id, max: c.max })) })))

/**
 * Replaces the campaign's rules. Unit quotas in the rules are written to the units too, so the two
 * never disagree. Once a judge has scored, rounds and rubrics are frozen: stored sheets must still fit.
 */
export async function configureRules(deps: Deps, openid: string, campaignId: string, input: unknown): Promise<CampaignRules> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, campaignId, openid, 'campaign.configure', { lock: true })
    const parsed = parseCampaignRules(input)
    if (!parsed.ok) raise(parsed, { payloadField: true })
    const rules = parsed.data
    // Locked before counting, so no recommendation lands between the count and the new quota.
    const units = await forUpdate(trx, trx.selectFrom('units').select(['id', 'quota']).where('campaign_id', '=', campaignId)).execute()
    checkStorable(rules, new Set(units.map((u) => u.id)))

    if (roundsKey(rules) !== roundsKey(campaign.rules)) {
      const scored = await trx.selectFrom('scores').select('entry_id').where('campaign_id', '=', campaignId).limit(1).executeTakeFirst()
      if (scored !== undefined) {
        throw new AppError(ErrorCode.CONFLICT, '评委已开始评分，评审轮次和评分标准不能再修改', 'payload.rules.rounds')
      }
    }
    for (const u of units) {
      const quota = rules.recommendation.quotaByUnit[u.id] ?? null
      if (quota !== null && quota < (await countRecommended(trx, campaignId, u.id))) {
        throw new AppError(ErrorCode.CONFLICT, '推荐名额不能少于该单位已推荐的作品数', `payload.rules.recommendation.quotaByUnit.${u.id}`)
      }
      if (quota !== u.quota) await trx.updateTable('units').set({ quota }).where('id', '=', u.id).execute()
    }

    const now = deps.clock.now()
    await trx.updateTable('campaigns').set({ rules: JSON.stringify(rules), updated_at: now }).where('id', '=', campaignId).execute()
    await writeAudit(trx, {
      campaignId,
      actor: openid,
      action: 'campaign.configure',
      targetType: 'campaign',
      targetId: campaignId,
      before: campaign.rules,
      after: rules,
      at: now
    })
    return rules
  })
}

/** Sets one unit's recommendation quota (null: the campaign default), on the unit and in the rules. */
export async function setUnitQuota(deps: Deps, openid: string, input: CampaignSetQuotaInput): Promise<UnitQuotaView> {
  return inTransaction(deps.db, async (trx) => {
    // The campaign row is locked first: the rules document is rewritten, and configure locks it too.
    const campaign = await loadCampaign(trx, input.campaignId, { lock: true })
    const unit = await forUpdate(
      trx,
      trx.selectFrom('units').select(['id', 'quota']).where('id', '=', input.unitId).where('campaign_id', '=', input.campaignId)
    ).executeTakeFirst()
    if (unit === undefined) throw new AppError(ErrorCode.NOT_FOUND, '单位不存在', 'payload.unitId')
    ensureAllowed(await loadActor(trx, input.campaignId, openid), 'quota.set', { kind: 'unit', unitId: unit.id })

    const recommended = await countRecommended(trx, input.campaignId, unit.id)
    if (input.quota !== null && input.quota < recommended) {
      throw new AppError(ErrorCode.CONFLICT, `该单位已推荐 ${recommended} 件作品，推荐名额不能少于 ${recommended}`, 'payload.quota')
    }
    const quotaByUnit = { ...campaign.rules.recommendation.quotaByUnit }
    if (input.quota === null) delete quotaByUnit[unit.id]
    else quotaByUnit[unit.id] = input.quota
    const rules: CampaignRules = { ...campaign.rules, recommendation: { ...campaign.rules.recommendation, quotaByUnit } }

    const now = deps.clock.now()
    await trx.updateTable('units').set({ quota: input.quota }).where('id', '=', unit.id).execute()
    await trx.updateTable('campaigns').set({ rules: JSON.stringify(rules), updated_at: now }).where('id', '=', campaign.row.id).execute()
    await writeAudit(trx, {
      campaignId: campaign.row.id,
      actor: openid,
      action: 'quota.set',
      targetType: 'unit',
      targetId: unit.id,
      before: { quota: unit.quota, effectiveQuota: unitQuota(campaign.rules, unit.id) },
      after: { quota: input.quota, effectiveQuota: unitQuota(rules, unit.id) },
      at: now
    })
    return { unitId: unit.id, quota: input.quota, effectiveQuota: unitQuota(rules, unit.id), recommended }
  })
}

async function memberNames(db: Conn, campaignId: string, openids: readonly string[]): Promise<Map<string, string>> {
  if (openids.length === 0) return new Map()
  const rows = await db.selectFrom('members').select(['openid', 'name']).where('campaign_id', '=', campaignId).where('openid', 'in', [...openids]).execute()
  const names = new Map<string, string>()
  for (const r of rows) if (!names.has(r.openid)) names.set(r.openid, r.name)
  return names
}

export async function readAuditLog(deps: Deps, openid: string, input: z.output<typeof CampaignAuditLogInput>): Promise<AuditEntry[]> {
  await authorizeCampaign(deps.db, input.campaignId, openid, 'audit.view')
  let query = deps.db.selectFrom('audit_log').selectAll().where('campaign_id', '=', input.campaignId)
  if (input.targetId !== undefined) query = query.where('target_id', '=', input.targetId)
  if (input.before !== undefined) query = query.where('at', '<', input.before)
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(input.limit).execute()
  const names = await memberNames(deps.db, input.campaignId, [...new Set(rows.map((r) => r.actor_openid))])
  return rows.map((r) => ({
    id: r.id,
    actorOpenid: r.actor_openid,
    actorName: names.get(r.actor_openid) ?? null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    at: Number(r.at)
  }))
}
