/**
 * The speaker's materials: the script (讲稿, within the campaign's limits and through the content
 * check) and the video (a stored upload whose VideoSpec verdict the media function records), and the
 * final hand-in once the secretary has endorsed the form.
 */
import type { EntryDetail, ScriptSaved } from '../../../src/core/api'
import {
  checkMaterialsEditable,
  checkScript,
  checkSubmission,
  guardContentCheck,
  type ContentCheckResult
} from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { ContentCheck, Deps } from '../ports'
import {
  authorizeCampaign,
  authorizeEntry,
  ensureStageOpen,
  inTransaction,
  loadEntryRow,
  toEntryStatus,
  unwrap,
  writeAudit
} from './contest-context'
import { moveEntry } from './entry-flow'
import { isVideoVerified, scriptStatusOf, toDetail, unitName } from './entry-records'

/** Without a content-check port nothing may pass: the script waits for a person. */
const unconfigured: ContentCheck = {
  check: () => Promise.reject(new Error('no content check configured'))
}

const OUTCOMES: ReadonlySet<unknown> = new Set(['pass', 'reject', 'review'])

/** Runs the port; a failed call, a missing port or an answer that is not an outcome all become `review`, never `pass`. */
export async function runContentCheck(deps: Deps, text: string, openid: string): Promise<ContentCheckResult> {
  const port = deps.contentCheck ?? unconfigured
  const result = await guardContentCheck(() => port.check(text, { openid }))
  if (typeof result !== 'object' || result === null || !OUTCOMES.has(result.outcome)) {
    return { outcome: 'review', reason: '内容检查服务返回异常，已转人工复核' }
  }
  return result
}

/**
 * Saves the script. Limits first (nothing is kept over the limit), then the content check, run outside
 * the transaction because it may call WeChat; the entry is read again under lock before writing.
 * A rejected script is refused with CONTENT_REJECTED; a doubtful one is kept and held for review.
 */
export async function saveScript(deps: Deps, openid: string, entryId: string, text: string): Promise<ScriptSaved> {
  const first = await authorizeEntry(deps.db, entryId, openid, 'script.save')
  ensureStageOpen(first.campaign, 'registration', deps.clock.now())
  unwrap(checkMaterialsEditable(toEntryStatus(first.entry.status)))
  const verdict = checkScript(text, first.campaign.rules.script)
  if (!verdict.ok) throw new AppError(ErrorCode.BAD_REQUEST, verdict.problems.map((p) => p.message).join('；'), 'payload.text')

  const checked = await runContentCheck(deps, text, openid)
  if (checked.outcome === 'reject') throw new AppError(ErrorCode.CONTENT_REJECTED, checked.reason, 'payload.text')

  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, entryId, openid, 'script.save', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'registration', now)
    unwrap(checkMaterialsEditable(toEntryStatus(entry.status)))
    await trx
      .updateTable('entries')
      .set({ script: text, script_status: checked.outcome, script_updated_at: now, updated_at: now })
      .where('id', '=', entry.id)
      .execute()
    await writeAudit(trx, {
      campaignId: entry.campaign_id,
      actor: openid,
      action: 'script.save',
      targetType: 'entry',
      targetId: entry.id,
      before: { scriptStatus: scriptStatusOf(entry) },
      after: { scriptStatus: checked.outcome, chars: verdict.chars, reason: checked.reason, ...(checked.matched ? { matched: checked.matched } : {}) },
      at: now
    })
    return { entryId: entry.id, chars: verdict.chars, seconds: verdict.seconds, status: checked.outcome, reason: checked.reason }
  })
}

/**
 * The organizer's decision on a script the check held. The core has no action of its own for it yet;
 * it is gated as campaign configuration, which only organizers hold.
 */
export async function reviewScript(deps: Deps, openid: string, input: { entryId: string; decision: 'pass' | 'reject'; note?: string | undefined }): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const entry = await loadEntryRow(trx, input.entryId, { lock: true })
    const { campaign } = await authorizeCampaign(trx, entry.campaign_id, openid, 'campaign.configure')
    if (entry.script === null || scriptStatusOf(entry) !== 'review') {
      throw new AppError(ErrorCode.CONFLICT, '该讲稿不在待复核状态', 'payload.entryId')
    }
    const now = deps.clock.now()
    await trx.updateTable('entries').set({ script_status: input.decision, updated_at: now }).where('id', '=', entry.id).execute()
    await writeAudit(trx, {
      campaignId: entry.campaign_id,
      actor: openid,
      action: 'script.review',
      targetType: 'entry',
      targetId: entry.id,
      before: { scriptStatus: 'review' },
      after: { scriptStatus: input.decision, ...(input.note === undefined ? {} : { note: input.note }) },
      at: now
    })
    const row = await loadEntryRow(trx, entry.id)
    return toDetail(row, await unitName(trx, row.unit_id), campaign.rules)
  })
}

/**
 * Attaches a stored upload of the speaker's. Another file than the one on record drops the old verdict:
 * the media function records a new one for this file before the entry can be submitted.
 */
export async function attachVideo(deps: Deps, openid: string, entryId: string, fileId: string): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, entryId, openid, 'video.attach', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'registration', now)
    unwrap(checkMaterialsEditable(toEntryStatus(entry.status)))
    const file = await trx.selectFrom('files').select(['id', 'owner_openid', 'status']).where('id', '=', fileId).executeTakeFirst()
    if (file === undefined || file.owner_openid !== entry.speaker_openid) {
      throw new AppError(ErrorCode.NOT_FOUND, '视频文件不存在，请重新上传', 'payload.fileId')
    }
    if (file.status !== 'stored') throw new AppError(ErrorCode.CONFLICT, '视频还没有上传完成，请等待上传结束', 'payload.fileId')
    if (entry.video_file_id !== fileId) {
      await trx
        .updateTable('entries')
        .set({ video_file_id: fileId, video_facts: null, video_verdict: null, updated_at: now })
        .where('id', '=', entry.id)
        .execute()
    }
    const row = await loadEntryRow(trx, entry.id)
    return toDetail(row, await unitName(trx, row.unit_id), campaign.rules)
  })
}

/** Hands the entry in: endorsed form, a script within limits that passed the check, a verified video. */
export async function submitEntry(deps: Deps, openid: string, entryId: string): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, entryId, openid, 'entry.submit', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'registration', now)
    unwrap(
      checkSubmission({
        status: toEntryStatus(entry.status),
        scriptWithinLimits: entry.script !== null && checkScript(entry.script, campaign.rules.script).ok,
        contentCheck: scriptStatusOf(entry),
        videoVerified: isVideoVerified(entry)
      })
    )
    await moveEntry(trx, { entry, event: 'submit', action: 'entry.submit', by: openid, now, set: { submitted_at: now } })
    const row = await loadEntryRow(trx, entry.id)
    return toDetail(row, await unitName(trx, row.unit_id), campaign.rules)
  })
}
