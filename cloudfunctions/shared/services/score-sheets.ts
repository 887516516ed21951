/** Score sheets as stored: one row per judge × entry × round × criterion, folded back into sheets. */
import type { Sheet } from '../../../src/core/api'
import { toHundredths, type RoundSheet } from '../../../src/core/contest'
import type { Conn } from './contest-context'

export interface StoredSheet extends RoundSheet {
  readonly points: Readonly<Record<string, number>>
  readonly createdAt: number
  readonly updatedAt: number
}

export async function loadSheets(db: Conn, campaignId: string, filter: { roundId?: string; entryId?: string; judgeOpenid?: string } = {}): Promise<StoredSheet[]> {
  let query = db.selectFrom('scores').selectAll().where('campaign_id', '=', campaignId)
  if (filter.roundId !== undefined) query = query.where('round', '=', filter.roundId)
  if (filter.entryId !== undefined) query = query.where('entry_id', '=', filter.entryId)
  if (filter.judgeOpenid !== undefined) query = query.where('judge_openid', '=', filter.judgeOpenid)
  const rows = await query.orderBy('round').orderBy('entry_id').orderBy('judge_openid').orderBy('criterion').execute()
  const sheets = new Map<string, { roundId: string; entryId: string; judgeOpenid: string; points: Record<string, number>; createdAt: number; updatedAt: number }>()
  for (const r of rows) {
    const key = `${r.round}\u0000${r.entry_id}\u0000${r.judge_openid}`
    let sheet = sheets.get(key)
    if (sheet === undefined) {
      sheet = { roundId: r.round, entryId: r.entry_id, judgeOpenid: r.judge_openid, points: {}, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) }
      sheets.set(key, sheet)
    }
    sheet.points[r.criterion] = Number(r.points)
    sheet.createdAt = Math.min(sheet.createdAt, Number(r.created_at))
    sheet.updatedAt = Math.max(sheet.updatedAt, Number(r.updated_at))
  }
  return [...sheets.values()]
}

/** The sheet's total in hundredths: exact, as ranking computes it. */
export function sheetTotal(points: Readonly<Record<string, number>>): number {
  return Object.values(points).reduce((sum, p) => sum + (toHundredths(p) ?? 0), 0)
}

export function toSheet(sheet: StoredSheet, judgeName: string | null, comment: string | null): Sheet {
  return {
    judgeOpenid: sheet.judgeOpenid,
    judgeName,
    points: { ...sheet.points },
    total: sheetTotal(sheet.points),
    comment,
    createdAt: sheet.createdAt,
    updatedAt: sheet.updatedAt
  }
}
