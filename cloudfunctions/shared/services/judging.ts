/**
 * 评审: the organizer assigns judges to entries (never from the speaker's unit), judges score once per
 * round and revise until the round closes, round scores drop the highest and lowest from five judges
 * on, and the semifinal ranking sends the top N to the final.
 */
import type { z } from 'zod'
import type {
  AssignResult,
  Assignment,
  EntryRoundScore,
  FinalistsSelected,
  JudgingAssignInput,
  JudgingCorrectScoreInput,
  JudgingScoreInput,
  RoundInfo,
  RoundScores,
  SemifinalRanking,
  Sheet,
  SheetSaved
} from '../../../src/core/api'
import {
  canAssignJudge,
  checkScoreWrite,
  checkStageOpen,
  computeRoundScores,
  findRound,
  rankSemifinal,
  selectFinalists,
  stageIndex,
  validateScoreSheet,
  viewEntry,
  type RankingEntry,
  type Round
} from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { isUniqueViolation } from '../db/errors'
import type { Entry } from '../db/schema'
import type { Deps } from '../ports'
import {
  authorizeCampaign,
  authorizeEntry,
  ensureAllowed,
  ensureStageOpen,
  entryAccess,
  forUpdate,
  inTransaction,
  loadActor,
  loadCampaign,
  loadEntryRow,
  toEntryStatus,
  unwrap,
  writeAudit,
  type CampaignContext,
  type Conn
} from './contest-context'
import { moveEntry } from './entry-flow'
import { toDetail, unitNames } from './entry-records'
import { loadSheets, sheetTotal, toSheet, type StoredSheet } from './score-sheets'

/** Entries judged in a round's stage: the semifinal judges recommended entries, the final its finalists. */
export const ROUND_STATUSES: Readonly<Record<Round['stage'], readonly string[]>> = {
  semifinal: ['recommended', 'finalist'],
  final: ['finalist']
}

export function roundOf(campaign: CampaignContext, roundId: string): Round {
  const round = findRound(campaign.rules, roundId)
  if (round === undefined) throw new AppError(ErrorCode.NOT_FOUND, '评审轮次不存在', 'payload.roundId')
  return round
}

export function roundInfo(campaign: CampaignContext, round: Round, now: number): RoundInfo {
  return {
    id: round.id,
    name: round.name,
    stage: round.stage,
    rubric: round.rubric.map((c) => ({ ...c })),
    open: checkStageOpen(campaign.clock, round.stage, now).ok,
    deadlineAt: campaign.clock.deadlines[round.stage]
  }
}

async function memberNames(db: Conn, campaignId: string, openids: readonly string[]): Promise<Map<string, string>> {
  if (openids.length === 0) return new Map()
  const rows = await db.selectFrom('members').select(['openid', 'name', 'role']).where('campaign_id', '=', campaignId).where('openid', 'in', [...new Set(openids)]).execute()
  const names = new Map<string, string>()
  // A judge's name as a judge wins over any other role they hold.
  for (const r of rows) if (r.role === 'judge' || !names.has(r.openid)) names.set(r.openid, r.name)
  return names
}

// ---------------------------------------------------------------------------------------------
// Assignments

/**
 * Whether a judge may take an entry: not its speaker, and of none of the entry's unit in any role
 * they hold in the campaign (`units`: every unit of their member rows).
 */
export function mayJudge(judge: string, units: readonly string[], entry: Pick<Entry, 'unit_id' | 'speaker_openid'>): boolean {
  const target = { unitId: entry.unit_id, speakerOpenid: entry.speaker_openid }
  return units.length === 0 ? canAssignJudge({ openid: judge }, target) : units.every((unitId) => canAssignJudge({ openid: judge, unitId }, target))
}

/**
 * Stage rules of assigning judges to a round: never after the round's stage, and within its
 * deadline while it runs; before it (e.g. in the preliminary) the organizer may prepare.
 */
export function ensureAssignable(campaign: CampaignContext, round: Round, now: number): void {
  if (stageIndex(campaign.clock.stage) > stageIndex(round.stage)) {
    throw new AppError(ErrorCode.STAGE_CLOSED, `「${round.name}」已经结束，不能再分配评委`)
  }
  if (campaign.clock.stage === round.stage) ensureStageOpen(campaign, round.stage, now)
}

type AssignInput = z.output<typeof JudgingAssignInput>

/** Assigns every judge to every entry given, all or nothing; pairs already assigned are kept. */
export async function assignJudges(deps: Deps, openid: string, input: AssignInput): Promise<AssignResult> {
  return inTransaction(deps.db, async (trx) => {
    const campaign = await loadCampaign(trx, input.campaignId)
    const actor = await loadActor(trx, input.campaignId, openid)
    const entryIds = [...new Set(input.entryIds)]
    const rows = await trx.selectFrom('entries').selectAll().where('campaign_id', '=', input.campaignId).where('id', 'in', entryIds).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    const entries: Entry[] = []
    for (const [i, id] of input.entryIds.entries()) {
      const entry = byId.get(id)
      if (entry === undefined) throw new AppError(ErrorCode.NOT_FOUND, '参赛作品不存在', `payload.entryIds[${i}]`)
      ensureAllowed(actor, 'judge.assign', { kind: 'entry', entry: await entryAccess(trx, campaign, entry) })
      if (!entries.includes(entry)) entries.push(entry)
    }
    const round = roundOf(campaign, input.roundId)
    const now = deps.clock.now()
    ensureAssignable(campaign, round, now)
    for (const [i, id] of input.entryIds.entries()) {
      const entry = byId.get(id)
      if (entry !== undefined && !ROUND_STATUSES[round.stage].includes(entry.status)) {
        throw new AppError(ErrorCode.CONFLICT, `作品《${entry.title}》未进入「${round.name}」`, `payload.entryIds[${i}]`)
      }
    }

    // A judge's units: every unit they belong to in this campaign, in any role.
    const judgeRows = await trx.selectFrom('members').select(['openid', 'role', 'unit_id', 'name']).where('campaign_id', '=', input.campaignId).where('openid', 'in', [...new Set(input.judgeOpenids)]).execute()
    for (const [j, judge] of input.judgeOpenids.entries()) {
      const mine = judgeRows.filter((r) => r.openid === judge)
      if (!mine.some((r) => r.role === 'judge')) throw new AppError(ErrorCode.BAD_REQUEST, '所选人员不是本活动的评委', `payload.judgeOpenids[${j}]`)
      const units = mine.map((r) => r.unit_id).filter((u): u is string => u !== null)
      const name = mine.find((r) => r.role === 'judge')?.name ?? judge
      for (const entry of entries) {
        if (!mayJudge(judge, units, entry)) {
          throw new AppError(ErrorCode.CONFLICT, `评委${name}与作品《${entry.title}》的宣讲员同属一个单位（或为本人），不能评审该作品`, `payload.judgeOpenids[${j}]`)
        }
      }
    }

    const existing = await trx.selectFrom('judge_assignments').select(['entry_id', 'judge_openid']).where('round', '=', round.id).where('entry_id', 'in', entryIds).execute()
    const has = new Set(existing.map((a) => `${a.entry_id}\u0000${a.judge_openid}`))
    const added: AssignResult['added'] = []
    for (const entry of entries) {
      const before = existing.filter((a) => a.entry_id === entry.id).map((a) => a.judge_openid)
      const fresh = [...new Set(input.judgeOpenids)].filter((j) => !has.has(`${entry.id}\u0000${j}`))
      if (fresh.length === 0) continue
      await addAssignments(trx, { campaignId: input.campaignId, roundId: round.id, entryId: entry.id, before, fresh, actor: openid, at: now })
      for (const judge of fresh) added.push({ entryId: entry.id, judgeOpenid: judge })
    }
    return { roundId: round.id, added }
  })
}

/** Takes a judge off an entry, as long as they have not scored it. */
export async function unassignJudge(deps: Deps, openid: string, input: { campaignId: string; roundId: string; entryId: string; judgeOpenid: string }): Promise<{ removed: boolean }> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, input.entryId, openid, 'judge.assign')
    if (entry.campaign_id !== input.campaignId) throw new AppError(ErrorCode.NOT_FOUND, '参赛作品不存在', 'payload.entryId')
    const round = roundOf(campaign, input.roundId)
    const scored = await loadSheets(trx, entry.campaign_id, { roundId: round.id, entryId: entry.id, judgeOpenid: input.judgeOpenid })
    if (scored.length > 0) throw new AppError(ErrorCode.CONFLICT, '该评委已评分，不能取消分配', 'payload.judgeOpenid')
    const result = await trx
      .deleteFrom('judge_assignments')
      .where('round', '=', round.id)
      .where('entry_id', '=', entry.id)
      .where('judge_openid', '=', input.judgeOpenid)
      .executeTakeFirst()
    const removed = Number(result.numDeletedRows) > 0
    if (removed) {
      await writeAudit(trx, {
        campaignId: entry.campaign_id,
        actor: openid,
        action: 'judge.unassign',
        targetType: 'assignment',
        targetId: entry.id,
        before: { roundId: round.id, judge: input.judgeOpenid },
        after: null,
        at: deps.clock.now()
      })
    }
    return { removed }
  })
}

/** The caller's assignments as a judge, each entry without the speaker's phone, with their own sheet. */
export async function myAssignments(deps: Deps, openid: string, campaignId: string, roundId: string | undefined): Promise<Assignment[]> {
  const campaign = await loadCampaign(deps.db, campaignId)
  const actor = await loadActor(deps.db, campaignId, openid)
  let query = deps.db.selectFrom('judge_assignments').selectAll().where('campaign_id', '=', campaignId).where('judge_openid', '=', openid)
  if (roundId !== undefined) query = query.where('round', '=', roundId)
  const assignments = await query.execute()
  if (assignments.length === 0 || actor === null) return []
  const entries = await deps.db.selectFrom('entries').selectAll().where('id', 'in', [...new Set(assignments.map((a) => a.entry_id))]).execute()
  const byId = new Map(entries.map((e) => [e.id, e]))
  const names = await unitNames(deps.db, entries.map((e) => e.unit_id))
  const sheets = await loadSheets(deps.db, campaignId, { judgeOpenid: openid })
  const now = deps.clock.now()
  const out: Array<Assignment & { order: number; created: number }> = []
  for (const a of assignments) {
    const round = findRound(campaign.rules, a.round)
    const entry = byId.get(a.entry_id)
    if (round === undefined || entry === undefined) continue
    const view = viewEntry(actor, toDetail(entry, names.get(entry.unit_id) ?? '', campaign.rules), await entryAccess(deps.db, campaign, entry, round.id))
    if (view === null) continue
    const sheet = sheets.find((s) => s.roundId === round.id && s.entryId === entry.id)
    out.push({
      round: roundInfo(campaign, round, now),
      entry: view,
      mySheet: sheet === undefined ? null : toSheet(sheet, null, a.comment),
      order: campaign.rules.rounds.indexOf(round),
      created: Number(entry.created_at)
    })
  }
  out.sort((x, y) => x.order - y.order || x.created - y.created)
  return out.map(({ order: _order, created: _created, ...a }) => a)
}

// ---------------------------------------------------------------------------------------------
// Sheets

type ScoreInput = z.output<typeof JudgingScoreInput>

async function auditSheet(trx: Conn, args: { campaignId: string; actor: string; action: string; entryId: string; roundId: string; judge: string; before: StoredSheet | undefined; after: Record<string, number>; at: number; reason?: string }): Promise<void> {
  await writeAudit(trx, {
    campaignId: args.campaignId,
    actor: args.actor,
    action: args.action,
    targetType: 'score',
    targetId: args.entryId,
    before: args.before === undefined ? null : { roundId: args.roundId, judge: args.judge, points: args.before.points, total: sheetTotal(args.before.points) },
    after: { roundId: args.roundId, judge: args.judge, points: args.after, total: sheetTotal(args.after), ...(args.reason === undefined ? {} : { reason: args.reason }) },
    at: args.at
  })
}

/** Writes the points of one sheet: new rows, or the existing rows updated in place. */
async function storePoints(trx: Conn, key: { campaignId: string; roundId: string; entryId: string; judge: string }, points: Record<string, number>, existing: boolean, now: number): Promise<void> {
  if (!existing) {
    await trx
      .insertInto('scores')
      .values(
        Object.entries(points).map(([criterion, p]) => ({
          campaign_id: key.campaignId,
          round: key.roundId,
          entry_id: key.entryId,
          judge_openid: key.judge,
          criterion,
          points: p,
          created_at: now,
          updated_at: now
        }))
      )
      .execute()
    return
  }
  for (const [criterion, p] of Object.entries(points)) {
    await trx
      .updateTable('scores')
      .set({ points: p, updated_at: now })
      .where('round', '=', key.roundId)
      .where('entry_id', '=', key.entryId)
      .where('judge_openid', '=', key.judge)
      .where('criterion', '=', criterion)
      .execute()
  }
}

/** The points as typed, keyed by criterion in rubric order, after the rubric check. */
function checkedPoints(round: Round, points: Record<string, number>): Record<string, number> {
  unwrap(validateScoreSheet(round.rubric, points), { payloadField: true })
  return Object.fromEntries(round.rubric.map((c) => [c.id, points[c.id] ?? 0]))
}

async function saved(trx: Conn, campaignId: string, roundId: string, entryId: string, judge: string): Promise<SheetSaved> {
  const [sheet] = await loadSheets(trx, campaignId, { roundId, entryId, judgeOpenid: judge })
  if (sheet === undefined) throw new Error('sheet vanished inside its own transaction')
  const assignment = await trx.selectFrom('judge_assignments').select('comment').where('round', '=', roundId).where('entry_id', '=', entryId).where('judge_openid', '=', judge).executeTakeFirst()
  const names = await memberNames(trx, campaignId, [judge])
  return { roundId, entryId, sheet: toSheet(sheet, names.get(judge) ?? null, assignment?.comment ?? null) }
}

/** A judge scores an entry (`score.submit`, once) or changes the score (`score.revise`) while the round is open. */
export async function writeSheet(deps: Deps, openid: string, input: ScoreInput, action: 'score.submit' | 'score.revise'): Promise<SheetSaved> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, input.entryId, openid, action, { roundId: input.roundId })
    const round = roundOf(campaign, input.roundId)
    const now = deps.clock.now()
    ensureStageOpen(campaign, round.stage, now)
    // The assignment row serializes one judge's writes to one sheet.
    await forUpdate(trx, trx.selectFrom('judge_assignments').select('judge_openid').where('round', '=', round.id).where('entry_id', '=', entry.id).where('judge_openid', '=', openid)).executeTakeFirst()
    const [before] = await loadSheets(trx, entry.campaign_id, { roundId: round.id, entryId: entry.id, judgeOpenid: openid })
    unwrap(checkScoreWrite(action, before !== undefined))
    const points = checkedPoints(round, input.points)
    const key = { campaignId: entry.campaign_id, roundId: round.id, entryId: entry.id, judge: openid }
    try {
      await storePoints(trx, key, points, before !== undefined, now)
    } catch (e) {
      // Two submits racing: the primary key lets one in; the other is told to revise instead.
      if (isUniqueViolation(e)) unwrap(checkScoreWrite('score.submit', true))
      throw e
    }
    await trx
      .updateTable('judge_assignments')
      .set({ completed_at: now, ...(input.comment === undefined ? {} : { comment: input.comment }) })
      .where('round', '=', round.id)
      .where('entry_id', '=', entry.id)
      .where('judge_openid', '=', openid)
      .execute()
    await auditSheet(trx, { campaignId: entry.campaign_id, actor: openid, action, entryId: entry.id, roundId: round.id, judge: openid, before, after: points, at: now })
    return saved(trx, entry.campaign_id, round.id, entry.id, openid)
  })
}

/**
 * The organizer corrects a stored sheet, e.g. a typing error found after the round closed. The core
 * has no action of its own for it yet; it is gated as results publishing, which only organizers hold,
 * and the reason is kept in the audit log. Published results change only when republished.
 */
export async function correctSheet(deps: Deps, openid: string, input: z.output<typeof JudgingCorrectScoreInput>): Promise<SheetSaved> {
  return inTransaction(deps.db, async (trx) => {
    const entry = await loadEntryRow(trx, input.entryId)
    const { campaign } = await authorizeCampaign(trx, entry.campaign_id, openid, 'results.publish')
    const round = roundOf(campaign, input.roundId)
    const [before] = await loadSheets(trx, entry.campaign_id, { roundId: round.id, entryId: entry.id, judgeOpenid: input.judgeOpenid })
    if (before === undefined) throw new AppError(ErrorCode.NOT_FOUND, '该评委尚未为该作品评分，无可更正', 'payload.judgeOpenid')
    const points = checkedPoints(round, input.points)
    const now = deps.clock.now()
    await storePoints(trx, { campaignId: entry.campaign_id, roundId: round.id, entryId: entry.id, judge: input.judgeOpenid }, points, true, now)
    await auditSheet(trx, { campaignId: entry.campaign_id, actor: openid, action: 'score.correct', entryId: entry.id, roundId: round.id, judge: input.judgeOpenid, before, after: points, at: now, reason: input.reason })
    return saved(trx, entry.campaign_id, round.id, entry.id, input.judgeOpenid)
  })
}

/** Sheets of one entry in one round: all of them for organizers, their own for an assigned judge. */
export async function entrySheets(deps: Deps, openid: string, roundId: string, entryId: string): Promise<Sheet[]> {
  const { campaign, entry, actor } = await authorizeEntry(deps.db, entryId, openid, 'score.view', { roundId })
  const round = roundOf(campaign, roundId)
  const organizer = actor?.roles.some((r) => r.role === 'organizer') ?? false
  const sheets = await loadSheets(deps.db, entry.campaign_id, { roundId: round.id, entryId: entry.id, ...(organizer ? {} : { judgeOpenid: openid }) })
  const comments = await deps.db.selectFrom('judge_assignments').select(['judge_openid', 'comment']).where('round', '=', round.id).where('entry_id', '=', entry.id).execute()
  const names = await memberNames(deps.db, entry.campaign_id, sheets.map((s) => s.judgeOpenid))
  return sheets.map((s) => toSheet(s, names.get(s.judgeOpenid) ?? null, comments.find((c) => c.judge_openid === s.judgeOpenid)?.comment ?? null))
}

// ---------------------------------------------------------------------------------------------
// Round scores and the semifinal

/** Every entry of a round with its judges and round score, for the organizer's overview. */
export async function roundScores(deps: Deps, openid: string, campaignId: string, roundId: string): Promise<RoundScores> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'ranking.view')
  const round = roundOf(campaign, roundId)
  const assignments = await deps.db.selectFrom('judge_assignments').select(['entry_id', 'judge_openid']).where('campaign_id', '=', campaignId).where('round', '=', round.id).execute()
  const entries = await deps.db
    .selectFrom('entries')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where((eb) => {
      // Entries in the running for the round, and any other entry someone was assigned to.
      const assigned = [...new Set(assignments.map((a) => a.entry_id))]
      const inRound = eb('status', 'in', [...ROUND_STATUSES[round.stage]])
      return assigned.length === 0 ? inRound : eb.or([inRound, eb('id', 'in', assigned)])
    })
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const sheets = await loadSheets(deps.db, campaignId, { roundId: round.id })
  const scores = unwrap(computeRoundScores(round.rubric, sheets))
  const rows: EntryRoundScore[] = entries.map((e) => {
    const score = scores.get(e.id)
    return {
      entryId: e.id,
      title: e.title,
      unitId: e.unit_id,
      trackId: e.track_id,
      assignedJudges: assignments.filter((a) => a.entry_id === e.id).map((a) => a.judge_openid),
      scoredJudges: sheets.filter((s) => s.entryId === e.id).map((s) => s.judgeOpenid),
      score: score?.score ?? null,
      judgeCount: score?.judgeCount ?? 0,
      trimmed: score?.trimmed ?? false
    }
  })
  return { round: roundInfo(campaign, round, deps.clock.now()), entries: rows }
}

export const rankingEntry = (e: Entry): RankingEntry => ({
  entryId: e.id,
  trackId: e.track_id,
  unitId: e.unit_id,
  // An entry in the running was submitted; created_at only guards against a missing stamp.
  submittedAt: Number(e.submitted_at ?? e.created_at)
})

async function semifinal(db: Conn, campaign: CampaignContext): Promise<SemifinalRanking> {
  const entries = await db.selectFrom('entries').selectAll().where('campaign_id', '=', campaign.row.id).where('status', 'in', [...ROUND_STATUSES.semifinal]).execute()
  const sheets = await loadSheets(db, campaign.row.id)
  const ranking = unwrap(rankSemifinal(campaign.rules, { entries: entries.map(rankingEntry), sheets }))
  return { ranking, finalists: selectFinalists(ranking, campaign.rules.finalists) }
}

export async function semifinalRanking(deps: Deps, openid: string, campaignId: string): Promise<SemifinalRanking> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'ranking.view')
  return semifinal(deps.db, campaign)
}

/**
 * Moves the semifinal's top N to the final, once the campaign is in the final (so semifinal scores
 * are closed). Running it again promotes nobody twice.
 */
export async function selectFinalistEntries(deps: Deps, openid: string, campaignId: string): Promise<FinalistsSelected> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, campaignId, openid, 'finalists.select', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'final', now)
    const result = await semifinal(trx, campaign)
    const promoted: string[] = []
    for (const group of result.finalists) {
      for (const entryId of group.entryIds) {
        const entry = await loadEntryRow(trx, entryId, { lock: true })
        if (toEntryStatus(entry.status) !== 'recommended') continue
        await moveEntry(trx, { entry, event: 'selectFinalist', action: 'finalists.select', by: openid, now })
        promoted.push(entryId)
      }
    }
    return { ...result, promoted }
  })
}


/** Adds judges to one entry's round and audits the change in the same transaction (`assign` and `autoAssign`). */
export async function addAssignments(
  trx: Conn,
  a: { campaignId: string; roundId: string; entryId: string; before: string[]; fresh: string[]; actor: string; at: number }
): Promise<void> {
  await trx
    .insertInto('judge_assignments')
    .values(a.fresh.map((judge) => ({ campaign_id: a.campaignId, round: a.roundId, entry_id: a.entryId, judge_openid: judge, completed_at: null, comment: null, created_at: a.at })))
    .execute()
  await writeAudit(trx, {
    campaignId: a.campaignId,
    actor: a.actor,
    action: 'judge.assign',
    targetType: 'assignment',
    targetId: a.entryId,
    before: { roundId: a.roundId, judges: a.before },
    after: { roundId: a.roundId, judges: [...a.before, ...a.fresh] },
    at: a.at
  })
}
