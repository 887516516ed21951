/**
 * What every contest service needs before it decides anything: the campaign with its parsed rules and
 * clock, the caller as an Actor built from their member rows, the entry and who may touch it, and the
 * audit log writer. Identity comes from the context only; roles come from the database only.
 */
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely'
import {
  authorize,
  checkStageOpen,
  DEADLINE_STAGES,
  ENTRY_STATUSES,
  parseCampaignRules,
  STAGES,
  votableStatuses,
  type Action,
  type Actor,
  type CampaignClock,
  type CampaignRules,
  type EntryAccess,
  type EntryStatus,
  type Resource,
  type RoleGrant,
  type Stage,
  type StageDeadlines
} from '../../../src/core/contest'
import { AppError, ErrorCode, type Failure, type Result } from '../../../src/core/errors'
import { newId } from '../db/ids'
import { isMysql } from '../db/migrations/ddl'
import type { Campaign, Database, Db, Entry } from '../db/schema'

/** A connection or an open transaction (a Transaction is a Kysely): services read through either. */
export type Conn = Kysely<Database>

/** Turns a rule's Failure into the AppError the kit replies with; `payloadField` for input fields. */
export function raise(failure: Failure, opts: { payloadField?: boolean } = {}): never {
  const field = failure.field === undefined ? undefined : opts.payloadField ? `payload.${failure.field}` : failure.field
  throw new AppError(failure.code, failure.message, field)
}

export function unwrap<T>(result: Result<T>, opts: { payloadField?: boolean } = {}): T {
  if (!result.ok) raise(result, opts)
  return result.data
}

/** Stored data that breaks its own schema is our bug, not the caller's: it becomes INTERNAL. */
export class CorruptRowError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CorruptRowError'
  }
}

/**
 * Row locks for read-then-write inside a transaction. MySQL needs `for update` so two transactions
 * cannot both read "one place left"; SQLite runs one transaction at a time on its single connection
 * (Kysely's mutex), so it has nothing to lock and no such syntax.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: Conn, qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isMysql(db) ? qb.forUpdate() : qb
}

export function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new CorruptRowError(`stored JSON is not valid: ${text.slice(0, 40)}`)
  }
}

export function toStage(value: string): Stage {
  const stage = STAGES.find((s) => s === value)
  if (stage === undefined) throw new CorruptRowError(`unknown stage: ${value}`)
  return stage
}

export function toEntryStatus(value: string): EntryStatus {
  const status = ENTRY_STATUSES.find((s) => s === value)
  if (status === undefined) throw new CorruptRowError(`unknown entry status: ${value}`)
  return status
}

export interface CampaignContext {
  row: Campaign
  rules: CampaignRules
  clock: CampaignClock
}

export async function loadCampaign(db: Conn, campaignId: string, opts: { lock?: boolean } = {}): Promise<CampaignContext> {
  const query = db.selectFrom('campaigns').selectAll().where('id', '=', campaignId)
  const row = await (opts.lock ? forUpdate(db, query) : query).executeTakeFirst()
  if (row === undefined) throw new AppError(ErrorCode.NOT_FOUND, '活动不存在或已下线', 'payload.campaignId')
  const rules = parseCampaignRules(row.rules)
  if (!rules.ok) throw new CorruptRowError(`campaign ${campaignId} has invalid rules: ${rules.message}`)
  const stages = await db.selectFrom('campaign_stages').select(['stage', 'deadline_at']).where('campaign_id', '=', campaignId).execute()
  const deadlines: Partial<Record<(typeof DEADLINE_STAGES)[number], number>> = {}
  for (const s of stages) {
    const stage = DEADLINE_STAGES.find((d) => d === s.stage)
    if (stage !== undefined) deadlines[stage] = Number(s.deadline_at)
  }
  const { registration, preliminary, semifinal, final } = deadlines
  if (registration === undefined || preliminary === undefined || semifinal === undefined || final === undefined) {
    throw new CorruptRowError(`campaign ${campaignId} lacks a stage deadline`)
  }
  const full: StageDeadlines = { registration, preliminary, semifinal, final }
  return { row, rules: rules.data, clock: { stage: toStage(row.stage), deadlines: full } }
}

/** The caller's roles in one campaign, from their member rows; null for an anonymous caller. */
export async function loadActor(db: Conn, campaignId: string, openid: string | null): Promise<Actor | null> {
  if (openid === null || openid === '') return null
  const rows = await db.selectFrom('members').select(['role', 'unit_id']).where('campaign_id', '=', campaignId).where('openid', '=', openid).execute()
  const roles: RoleGrant[] = rows.map((r) => (r.unit_id === null ? { role: r.role } : { role: r.role, unitId: r.unit_id }))
  return { openid, roles }
}

/** Deny by default: throws FORBIDDEN or UNAUTHENTICATED unless the core rules allow the action. */
export function ensureAllowed(actor: Actor | null, action: Action, resource: Resource): void {
  const decision = authorize(actor, action, resource)
  if (!decision.allow) throw new AppError(decision.code, decision.message)
}

/** Both the recorded stage and the server clock must have the stage open, else STAGE_CLOSED. */
export function ensureStageOpen(campaign: CampaignContext, stage: Stage, now: number): void {
  unwrap(checkStageOpen(campaign.clock, stage, now))
}

/**
 * Whether the audience may see an entry: while a vote window's stage is current and the entry is in
 * the running for it, and, once results are published, every finalist.
 */
export function isEntryPublic(campaign: CampaignContext, status: EntryStatus): boolean {
  const stage = campaign.clock.stage
  if (stage === 'published') return status === 'finalist'
  if (stage !== 'semifinal' && stage !== 'final') return false
  const votes = campaign.rules.votes
  return votes.enabled && votes.windows.some((w) => w.stage === stage) && votableStatuses(stage).includes(status)
}

export async function loadEntryRow(db: Conn, entryId: string, opts: { lock?: boolean } = {}): Promise<Entry> {
  const query = db.selectFrom('entries').selectAll().where('id', '=', entryId)
  const row = await (opts.lock ? forUpdate(db, query) : query).executeTakeFirst()
  if (row === undefined) throw new AppError(ErrorCode.NOT_FOUND, '参赛作品不存在', 'payload.entryId')
  return row
}

/** Judges assigned to the entry: in one round, or in any round when `roundId` is left out. */
export async function assignedJudges(db: Conn, entryId: string, roundId?: string): Promise<string[]> {
  let query = db.selectFrom('judge_assignments').select('judge_openid').where('entry_id', '=', entryId)
  if (roundId !== undefined) query = query.where('round', '=', roundId)
  const rows = await query.execute()
  return [...new Set(rows.map((r) => r.judge_openid))]
}

export async function entryAccess(db: Conn, campaign: CampaignContext, entry: Entry, roundId?: string): Promise<EntryAccess> {
  return {
    entryId: entry.id,
    unitId: entry.unit_id,
    speakerOpenid: entry.speaker_openid,
    judgeOpenids: await assignedJudges(db, entry.id, roundId),
    isPublic: isEntryPublic(campaign, toEntryStatus(entry.status))
  }
}

/** Everything an action on one entry needs, authorized: throws unless `action` is allowed. */
export interface EntryContext {
  campaign: CampaignContext
  entry: Entry
  actor: Actor | null
  access: EntryAccess
}

export async function authorizeEntry(
  db: Conn,
  entryId: string,
  openid: string | null,
  action: Action,
  opts: { roundId?: string; lock?: boolean } = {}
): Promise<EntryContext> {
  const entry = await loadEntryRow(db, entryId, { lock: opts.lock ?? false })
  const campaign = await loadCampaign(db, entry.campaign_id)
  const actor = await loadActor(db, entry.campaign_id, openid)
  const access = await entryAccess(db, campaign, entry, opts.roundId)
  ensureAllowed(actor, action, { kind: 'entry', entry: access })
  return { campaign, entry, actor, access }
}

/** Loads a campaign and its caller and checks a campaign-wide action. */
export async function authorizeCampaign(
  db: Conn,
  campaignId: string,
  openid: string | null,
  action: Action,
  opts: { lock?: boolean } = {}
): Promise<{ campaign: CampaignContext; actor: Actor | null }> {
  const campaign = await loadCampaign(db, campaignId, opts)
  const actor = await loadActor(db, campaignId, openid)
  ensureAllowed(actor, action, { kind: 'campaign' })
  return { campaign, actor }
}

export interface AuditRecord {
  campaignId: string | null
  actor: string
  action: string
  targetType: 'campaign' | 'unit' | 'entry' | 'score' | 'results' | 'assignment'
  targetId: string
  before: unknown
  after: unknown
  at: number
}

/** One audit row; call it with the transaction that makes the change, so both land or neither. */
export async function writeAudit(db: Conn, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud', record.at),
      campaign_id: record.campaignId,
      actor_openid: record.actor,
      action: record.action,
      target_type: record.targetType,
      target_id: record.targetId,
      before: record.before === null || record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === null || record.after === undefined ? null : JSON.stringify(record.after),
      at: record.at
    })
    .execute()
}

/**
 * Runs `work` in one transaction: every row it writes lands together or not at all. On MySQL it runs
 * READ COMMITTED, so a read made after taking a row lock (`forUpdate`) sees what the previous holder
 * committed; under REPEATABLE READ it could see an older snapshot and count a place twice. Locks are
 * taken campaign → unit → entry, always in that order, so two transactions never wait on each other.
 */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const trx = db.transaction()
  return (isMysql(db) ? trx.setIsolationLevel('read committed') : trx).execute(work)
}
