/**
 * Verifies a stored upload for the cloud: reads only its header boxes from storage (ranged reads), judges
 * them with the campaign's VideoSpec and records facts and verdict on the entry. The phone's own reading
 * is advice for the speaker; this is the one the contest trusts.
 */
import type { VideoVerification } from '../../../src/core/api/media'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { parseVideoSpec } from '../../../src/core/video'
import { inspectVideo, type ByteSource } from '../../../src/media'
import type { Deps, FileStorage } from '../ports'
import { authorizeEntry, inTransaction, loadEntryRow, writeAudit } from './contest-context'

function storedFile(storage: FileStorage, fileId: string): ByteSource {
  let size: Promise<number> | undefined
  return {
    size: () =>
      (size ??= storage.size(fileId).then((n) => {
        if (n === null) throw new AppError(ErrorCode.NOT_FOUND, '存储中找不到这个视频，请重新上传', 'payload.entryId')
        return n
      })),
    read: (offset, length) => storage.read(fileId, offset, length)
  }
}

export async function verifyEntryVideo(deps: Deps, openid: string, entryId: string): Promise<VideoVerification> {
  // The speaker (or the organizer, re-checking) of this entry; the same rule as attaching a video.
  const { campaign, entry } = await authorizeEntry(deps.db, entryId, openid, 'video.attach')
  const fileId = entry.video_file_id
  if (fileId === null) throw new AppError(ErrorCode.CONFLICT, '请先上传视频', 'payload.entryId')
  const spec = parseVideoSpec(campaign.rules.video)

  // Storage failures surface as VideoReadError, an AppError with its own code and Chinese message.
  const inspection = await inspectVideo(storedFile(deps.storage, fileId), spec)

  const verifiedAt = deps.clock.now()
  await inTransaction(deps.db, async (trx) => {
    // Record only if the entry still points at the file we read: a newer upload needs its own check.
    const row = await loadEntryRow(trx, entryId, { lock: true })
    if (row.video_file_id !== fileId) throw new AppError(ErrorCode.CONFLICT, '视频已更换，请重新检查', 'payload.entryId')
    await trx
      .updateTable('entries')
      .set({ video_facts: inspection.facts === null ? null : JSON.stringify(inspection.facts), video_verdict: JSON.stringify(inspection.verdict), updated_at: verifiedAt })
      .where('id', '=', entryId)
      .execute()
    await writeAudit(trx, {
      campaignId: row.campaign_id,
      actor: openid,
      action: 'video.verify',
      targetType: 'entry',
      targetId: entryId,
      before: row.video_verdict === null ? null : { ok: (JSON.parse(row.video_verdict) as { ok?: unknown }).ok ?? null },
      after: { fileId, ok: inspection.verdict.ok, problems: inspection.verdict.problems.map((p) => p.rule) },
      at: verifiedAt
    })
  })
  return { entryId, fileId, facts: inspection.facts, verdict: inspection.verdict, verifiedAt }
}
