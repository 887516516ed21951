/**
 * Verifies a stored upload for the cloud: reads only its header boxes from storage (ranged reads), judges
 * them with the campaign's VideoSpec and records facts and verdict on the entry. The phone's own reading
 * is advice for the speaker; this is the one the contest trusts.
 */
import type { VideoVerification } from '../../../src/core/api/media'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { parseVideoSpec } from '../../../src/core/video'
import { inspectVideo, type ByteSource } from '../../../src/media'
import { newId } from '../db/ids'
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
  // Storage is addressed by the file's storage key (a tus upload id locally, a cloud:// fileID on CloudBase).
  const file = await deps.db.selectFrom('files').select(['storage_key']).where('id', '=', fileId).executeTakeFirst()
  if (!file) throw new AppError(ErrorCode.NOT_FOUND, '存储中找不到这个视频，请重新上传', 'payload.entryId')

  // Storage failures surface as VideoReadError, an AppError with its own code and Chinese message.
  const inspection = await inspectVideo(storedFile(deps.storage, file.storage_key), spec)

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

/**
 * WeChat uploads go straight to cloud storage (Taro.cloud.uploadFile); this records one for its caller so
 * it can be attached to an entry. Only a file that storage really holds is recorded; its bytes are judged
 * later by `verifyEntryVideo`, never by what the phone says about them.
 */
export async function registerCloudUpload(deps: Deps, openid: string, input: { storageKey: string; name: string }): Promise<{ fileId: string; size: number }> {
  const size = await deps.storage.size(input.storageKey)
  if (size === null) throw new AppError(ErrorCode.NOT_FOUND, '云存储中找不到刚上传的视频，请重新上传', 'payload.storageKey')
  const now = deps.clock.now()
  const fileId = newId('fil', now)
  await deps.db
    .insertInto('files')
    .values({ id: fileId, owner_openid: openid, purpose: 'video', name: input.name, size, mime: 'video/mp4', storage_key: input.storageKey, status: 'stored', created_at: now, updated_at: now })
    .execute()
  return { fileId, size }
}
