/** Moving an entry through its life: the core transition, the guarded update and its audit row, together. */
import { transitionEntry, type Action, type EntryEvent, type EntryStatus } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import type { Entry, EntryUpdate } from '../db/schema'
import { toEntryStatus, unwrap, writeAudit, type Conn } from './contest-context'

export interface Move {
  entry: Entry
  event: EntryEvent
  action: Action
  by: string
  now: number
  /** Other columns written with the new status. */
  set?: EntryUpdate
  /** Extra facts for the audit row (a reason, a quota count). */
  note?: Record<string, unknown>
}

/**
 * Applies an event to an entry inside the caller's transaction. The update is guarded by the status
 * it was read with, so a concurrent move of the same entry makes this one fail instead of both landing.
 */
export async function moveEntry(trx: Conn, move: Move): Promise<EntryStatus> {
  const from = toEntryStatus(move.entry.status)
  const to = unwrap(transitionEntry(from, move.event))
  const result = await trx
    .updateTable('entries')
    .set({ ...move.set, status: to, updated_at: move.now })
    .where('id', '=', move.entry.id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new AppError(ErrorCode.CONFLICT, '作品状态刚刚发生了变化，请刷新后重试', 'status')
  await writeAudit(trx, {
    campaignId: move.entry.campaign_id,
    actor: move.by,
    action: move.action,
    targetType: 'entry',
    targetId: move.entry.id,
    before: { status: from },
    after: { status: to, ...move.note },
    at: move.now
  })
  return to
}
