/** Entry rows as the phone sees them: parsed, typed, and with the script's length worked out. */
import { z } from 'zod'
import type { Endorsement, EntryDetail, EntrySummary, ScriptState, VideoState } from '../../../src/core/api'
import { checkScript, RegistrationDraftSchema, type CampaignRules, type ContentCheckOutcome, type RegistrationCatalog, type RegistrationDraft } from '../../../src/core/contest'
import type { Entry } from '../db/schema'
import { CorruptRowError, parseJson, toEntryStatus, type Conn } from './contest-context'

const EndorsementShape = z.object({
  decision: z.enum(['endorsed', 'returned']),
  by: z.string(),
  at: z.number(),
  reason: z.string().optional()
})

/** The media function's VideoSpec verdict (src/core/video VideoVerdict), read loosely: ok and messages. */
const VerdictShape = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ message: z.string() }).loose()).default([])
})

const CONTENT_OUTCOMES: readonly ContentCheckOutcome[] = ['pass', 'reject', 'review']

export function parseForm(row: Pick<Entry, 'id' | 'form'>): RegistrationDraft {
  const parsed = RegistrationDraftSchema.safeParse(parseJson(row.form))
  if (!parsed.success) throw new CorruptRowError(`entry ${row.id} has an invalid form`)
  return parsed.data
}

export function scriptStatusOf(row: Pick<Entry, 'script_status'>): ContentCheckOutcome | null {
  return CONTENT_OUTCOMES.find((o) => o === row.script_status) ?? null
}

/** null: no verdict recorded yet; an unreadable verdict counts as not verified. */
export function videoVerdictOf(row: Pick<Entry, 'video_verdict'>): { ok: boolean; problems: string[] } | null {
  if (row.video_verdict === null) return null
  const parsed = VerdictShape.safeParse(parseJson(row.video_verdict))
  return parsed.success ? { ok: parsed.data.ok, problems: parsed.data.problems.map((p) => p.message) } : { ok: false, problems: ['视频检查结果无法读取，请重新上传'] }
}

export function isVideoVerified(row: Pick<Entry, 'video_file_id' | 'video_verdict'>): boolean {
  return row.video_file_id !== null && videoVerdictOf(row)?.ok === true
}

function endorsementOf(row: Entry): Endorsement | null {
  if (row.endorsement === null) return null
  const parsed = EndorsementShape.safeParse(parseJson(row.endorsement))
  if (!parsed.success) throw new CorruptRowError(`entry ${row.id} has an invalid endorsement`)
  const { reason, ...rest } = parsed.data
  return reason === undefined ? rest : { ...rest, reason }
}

function scriptOf(row: Entry, rules: CampaignRules): ScriptState | null {
  if (row.script === null) return null
  const verdict = checkScript(row.script, rules.script)
  return {
    text: row.script,
    chars: verdict.chars,
    seconds: verdict.seconds,
    status: scriptStatusOf(row),
    updatedAt: row.script_updated_at === null ? null : Number(row.script_updated_at)
  }
}

function videoOf(row: Entry): VideoState | null {
  if (row.video_file_id === null) return null
  const verdict = videoVerdictOf(row)
  return { fileId: row.video_file_id, verified: verdict === null ? null : verdict.ok, problems: verdict?.problems ?? [] }
}

const num = (v: number | null): number | null => (v === null ? null : Number(v))

export function toDetail(row: Entry, unitName: string, rules: CampaignRules): EntryDetail {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    unitId: row.unit_id,
    unitName,
    branchId: row.branch_id,
    speakerOpenid: row.speaker_openid,
    status: toEntryStatus(row.status),
    form: parseForm(row),
    endorsement: endorsementOf(row),
    script: scriptOf(row, rules),
    video: videoOf(row),
    recommendedAt: num(row.recommended_at),
    createdAt: Number(row.created_at),
    submittedAt: num(row.submitted_at),
    updatedAt: Number(row.updated_at)
  }
}

export function toSummary(row: Entry, unitName: string): EntrySummary {
  const verdict = videoVerdictOf(row)
  return {
    id: row.id,
    campaignId: row.campaign_id,
    unitId: row.unit_id,
    unitName,
    trackId: row.track_id,
    topicId: row.topic_id,
    title: row.title,
    speakerName: parseForm(row).name ?? null,
    speakerOpenid: row.speaker_openid,
    phone: row.phone,
    status: toEntryStatus(row.status),
    scriptStatus: scriptStatusOf(row),
    videoVerified: row.video_file_id === null || verdict === null ? null : verdict.ok,
    submittedAt: num(row.submitted_at),
    recommendedAt: num(row.recommended_at),
    updatedAt: Number(row.updated_at)
  }
}

export async function unitNames(db: Conn, unitIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)]
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function unitName(db: Conn, unitId: string): Promise<string> {
  return (await unitNames(db, [unitId])).get(unitId) ?? ''
}

/** The campaign's tracks and topics, to check the ids a form names. */
export async function registrationCatalog(db: Conn, campaignId: string): Promise<RegistrationCatalog> {
  const [tracks, topics] = await Promise.all([
    db.selectFrom('tracks').select('id').where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('topics').select(['id', 'track_id as trackId']).where('campaign_id', '=', campaignId).execute()
  ])
  return { tracks, topics }
}

/** Columns kept beside the form JSON so lists and rankings need not parse it. */
export function formColumns(form: RegistrationDraft): { title: string; phone: string; track_id: string; topic_id: string | null } {
  return { title: form.title ?? '', phone: form.phone ?? '', track_id: form.trackId ?? '', topic_id: form.topicId ?? null }
}
