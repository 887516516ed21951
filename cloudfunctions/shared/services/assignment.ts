/**
 * 评委分配 from the phone: the organizer sees a round's judges with their loads, and gives every entry
 * of the round a number of judges in one call — never a judge of the speaker's unit, the least loaded
 * judges first, existing assignments kept, all entries or none.
 */
import type { z } from 'zod'
import type { AutoAssignResult, JudgeLoad, JudgingAutoAssignInput, RoundJudges } from '../../../src/core/api'
import type { Round } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { Entry } from '../db/schema'
import type { Deps } from '../ports'
import { authorizeCampaign, ensureAllowed, inTransaction, isEntryPublic, toEntryStatus, type Conn } from './contest-context'
import { unitNames } from './entry-records'
import { addAssignments, ensureAssignable, mayJudge, ROUND_STATUSES, roundInfo, roundOf } from './judging'

/*
 * `judge.assign` is decided per entry in core, and a round may have no entry yet; the campaign-wide
 * gate is `ranking.view`, the organizer-only action `roundScores` already shows assignments under.
 */
const CAMPAIGN_GATE = 'ranking.view'

/** Entries in the running for the round, oldest first, so a plan is the same on every run. */
function roundEntries(db: Conn, campaignId: string, round: Round): Promise<Entry[]> {
  return db.selectFrom('entries').selectAll().where('campaign_id', '=', campaignId).where('status', 'in', [...ROUND_STATUSES[round.stage]]).orderBy('created_at').orderBy('id').execute()
}

const byOpenid = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

/** The campaign's judges, each with how many entries they hold in the round. */
async function judgeLoads(db: Conn, campaignId: string, roundId: string): Promise<JudgeLoad[]> {
  const judges = await db.selectFrom('members').select(['openid', 'name', 'title', 'unit_id']).where('campaign_id', '=', campaignId).where('role', '=', 'judge').orderBy('created_at').orderBy('openid').execute()
  if (judges.length === 0) return []
  const counts = await db
    .selectFrom('judge_assignments')
    .select(['judge_openid', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('round', '=', roundId)
    .groupBy('judge_openid')
    .execute()
  const assigned = new Map(counts.map((c) => [c.judge_openid, Number(c.n)]))
  const names = await unitNames(db, judges.flatMap((j) => (j.unit_id === null ? [] : [j.unit_id])))
  return judges.map((j) => ({
    openid: j.openid,
    name: j.name,
    title: j.title,
    unit: j.unit_id === null ? null : { id: j.unit_id, name: names.get(j.unit_id) ?? '' },
    assigned: assigned.get(j.openid) ?? 0
  }))
}

export async function roundJudges(deps: Deps, openid: string, input: { campaignId: string; roundId: string }): Promise<RoundJudges> {
  const { campaign } = await authorizeCampaign(deps.db, input.campaignId, openid, CAMPAIGN_GATE)
  const round = roundOf(campaign, input.roundId)
  const entries = await roundEntries(deps.db, input.campaignId, round)
  return { round: roundInfo(campaign, round, deps.clock.now()), entryCount: entries.length, judges: await judgeLoads(deps.db, input.campaignId, round.id) }
}

interface Planned {
  entry: Entry
  before: string[]
  fresh: string[]
}

/**
 * Which judges each entry gets: for every entry short of `perEntry`, the eligible judges not yet on it
 * with the fewest assignments in the round, ties by openid. Entries with the fewest eligible judges
 * are served first, so the judges they cannot have take up the flexible entries and loads even out.
 * Throws CONFLICT when an entry has too few eligible judges.
 */
function plan(entries: readonly Entry[], judges: ReadonlyMap<string, readonly string[]>, existing: ReadonlyArray<{ entry_id: string; judge_openid: string }>, perEntry: number): Planned[] {
  const load = new Map([...judges.keys()].map((j) => [j, 0]))
  for (const a of existing) {
    const n = load.get(a.judge_openid)
    if (n !== undefined) load.set(a.judge_openid, n + 1)
  }
  const eligible = new Map(entries.map((e) => [e.id, [...judges].filter(([judge, units]) => mayJudge(judge, units, e)).map(([judge]) => judge)]))
  // A stable sort: equally constrained entries keep their oldest-first order.
  const order = [...entries].sort((x, y) => (eligible.get(x.id)?.length ?? 0) - (eligible.get(y.id)?.length ?? 0))
  const planned: Planned[] = []
  for (const entry of order) {
    const before = existing.filter((a) => a.entry_id === entry.id).map((a) => a.judge_openid)
    const need = perEntry - before.length
    if (need <= 0) continue
    const candidates = (eligible.get(entry.id) ?? [])
      .filter((judge) => !before.includes(judge))
      .sort((x, y) => (load.get(x) ?? 0) - (load.get(y) ?? 0) || byOpenid(x, y))
    if (candidates.length < need) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `评委人数不足：作品《${entry.title}》还需 ${need} 位评委，但只有 ${candidates.length} 位可分配（本单位评委不能评审），请减少每件作品的评委人数或增加评委`,
        'payload.perEntry'
      )
    }
    const fresh = candidates.slice(0, need)
    for (const judge of fresh) load.set(judge, (load.get(judge) ?? 0) + 1)
    planned.push({ entry, before, fresh })
  }
  return planned
}

type AutoAssignInput = z.output<typeof JudgingAutoAssignInput>

/** Gives every entry of the round `perEntry` judges, keeping those it has; again, it adds nobody. */
export async function autoAssignJudges(deps: Deps, openid: string, input: AutoAssignInput): Promise<AutoAssignResult> {
  return inTransaction(deps.db, async (trx) => {
    // The campaign row lock serializes two auto-assignments, so neither plans on loads the other changes.
    const { campaign, actor } = await authorizeCampaign(trx, input.campaignId, openid, CAMPAIGN_GATE, { lock: true })
    const round = roundOf(campaign, input.roundId)
    const now = deps.clock.now()
    const entries = await roundEntries(trx, input.campaignId, round)
    const existing = await trx.selectFrom('judge_assignments').select(['entry_id', 'judge_openid']).where('campaign_id', '=', input.campaignId).where('round', '=', round.id).execute()
    for (const entry of entries) {
      const judgeOpenids = existing.filter((a) => a.entry_id === entry.id).map((a) => a.judge_openid)
      const access = { entryId: entry.id, unitId: entry.unit_id, speakerOpenid: entry.speaker_openid, judgeOpenids, isPublic: isEntryPublic(campaign, toEntryStatus(entry.status)) }
      ensureAllowed(actor, 'judge.assign', { kind: 'entry', entry: access })
    }
    ensureAssignable(campaign, round, now)

    // A judge's units: every unit they belong to in this campaign, in any role (as `assign` decides).
    const judgeRows = await trx.selectFrom('members').select('openid').where('campaign_id', '=', input.campaignId).where('role', '=', 'judge').execute()
    const openids = [...new Set(judgeRows.map((r) => r.openid))]
    const memberships = openids.length === 0 ? [] : await trx.selectFrom('members').select(['openid', 'unit_id']).where('campaign_id', '=', input.campaignId).where('openid', 'in', openids).execute()
    const judges = new Map(openids.map((j) => [j, memberships.filter((m) => m.openid === j).flatMap((m) => (m.unit_id === null ? [] : [m.unit_id]))]))

    const added: AutoAssignResult['added'] = []
    for (const { entry, before, fresh } of plan(entries, judges, existing, input.perEntry)) {
      await addAssignments(trx, { campaignId: input.campaignId, roundId: round.id, entryId: entry.id, before, fresh, actor: openid, at: now })
      for (const judge of fresh) added.push({ entryId: entry.id, judgeOpenid: judge })
    }
    return { roundId: round.id, added, entryCount: entries.length, judges: await judgeLoads(trx, input.campaignId, round.id) }
  })
}
