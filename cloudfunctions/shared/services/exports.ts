/**
 * 导出: the organizer's spreadsheets — every entry with its 推荐表 and progress per unit, and the
 * latest published results. Workbooks are built in memory and sent back as base64, so the phone
 * needs no storage link; phones are included because only organizers may export.
 */
import { Workbook, type Worksheet } from 'exceljs'
import { XLSX_MIME, type ExportedFile, type PublishedResults } from '../../../src/core/api'
import { checkScript, ENTRY_STATUS_LABEL, formatShanghai, OVERALL_GROUP, shanghaiDayKey, unitQuota, type CampaignRules, type EntryStatus } from '../../../src/core/contest'
import type { Entry } from '../db/schema'
import type { Deps } from '../ports'
import { authorizeCampaign, toEntryStatus } from './contest-context'
import { parseForm, videoVerdictOf } from './entry-records'
import { readPublishedResults } from './results'

type Cell = string | number | null

/** Characters Windows and WeChat refuse in a file name. */
const fileSafe = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '_')

/** Excel refuses these in sheet names and cuts them at 31 characters. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[\\/:*?[\]]/g, '_').slice(0, 28) || '工作表'
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base}(${i})`
  taken.add(name)
  return name
}

function addSheet(wb: Workbook, name: string, header: readonly string[], rows: readonly Cell[][], widths: readonly number[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 12 }))
  ws.getRow(1).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  return ws
}

async function toFile(wb: Workbook, fileName: string, rows: number): Promise<ExportedFile> {
  const bytes = await wb.xlsx.writeBuffer()
  return { fileName, mime: XLSX_MIME, base64: Buffer.from(bytes).toString('base64'), rows }
}

function newWorkbook(now: number): Workbook {
  const wb = new Workbook()
  wb.creator = '宣讲'
  wb.created = new Date(now)
  return wb
}

const time = (ms: number | null): string => (ms === null ? '' : formatShanghai(Number(ms)))

function videoLabel(row: Entry): string {
  if (row.video_file_id === null) return '未上传'
  const verdict = videoVerdictOf(row)
  if (verdict === null) return '未核验'
  return verdict.ok ? '通过' : '未通过'
}

const ENTRY_HEADER = ['单位', '支部', '姓名', '性别', '政治面貌', '工作单位及职务', '文化程度', '联系电话', '微宣讲题目', '赛道', '宣讲重点', '状态', '讲稿字数', '视频核验', '提交时间', '推荐时间'] as const
const ENTRY_WIDTHS = [22, 18, 10, 6, 12, 26, 10, 15, 30, 18, 24, 12, 9, 9, 17, 17]

/** Statuses of an entry that reached a complete submission (as the 组织奖 counts participation). */
const SUBMITTED: readonly EntryStatus[] = ['submitted', 'recommended', 'finalist']

/** 报名汇总 (every entry but drafts, by unit then submission) and 单位进度 (per unit, with quota). */
export async function exportEntries(deps: Deps, openid: string, campaignId: string): Promise<ExportedFile> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'export.entries')
  const db = deps.db
  const [units, tracks, topics, entries] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'sort']).where('campaign_id', '=', campaignId).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('tracks').select(['id', 'name']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('topics').select(['id', 'title']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('entries').selectAll().where('campaign_id', '=', campaignId).where('status', '!=', 'draft').execute()
  ])
  const unitIds = units.map((u) => u.id)
  const branches = unitIds.length === 0 ? [] : await db.selectFrom('branches').select(['id', 'name']).where('unit_id', 'in', unitIds).execute()
  const unitName = new Map(units.map((u) => [u.id, u.name]))
  const unitOrder = new Map(units.map((u, i) => [u.id, i]))
  const branchName = new Map(branches.map((b) => [b.id, b.name]))
  const trackName = new Map(tracks.map((t) => [t.id, t.name]))
  const topicTitle = new Map(topics.map((t) => [t.id, t.title]))

  // Unsubmitted entries go after the submitted ones of their unit, oldest registration first.
  const submittedKey = (e: Entry): number => (e.submitted_at === null ? Number.MAX_SAFE_INTEGER : Number(e.submitted_at))
  entries.sort(
    (a, b) =>
      (unitOrder.get(a.unit_id) ?? unitIds.length) - (unitOrder.get(b.unit_id) ?? unitIds.length) ||
      submittedKey(a) - submittedKey(b) ||
      Number(a.created_at) - Number(b.created_at) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )

  const rows: Cell[][] = entries.map((e) => {
    const form = parseForm(e)
    return [
      unitName.get(e.unit_id) ?? '',
      e.branch_id === null ? '' : (branchName.get(e.branch_id) ?? ''),
      form.name ?? '',
      form.gender ?? '',
      form.politicalStatus ?? '',
      form.workplace ?? form.partyOrganization ?? '',
      form.education ?? '',
      e.phone,
      e.title,
      trackName.get(e.track_id) ?? '',
      e.topic_id === null ? '' : (topicTitle.get(e.topic_id) ?? ''),
      ENTRY_STATUS_LABEL[toEntryStatus(e.status)],
      e.script === null ? null : checkScript(e.script, campaign.rules.script).chars,
      videoLabel(e),
      time(e.submitted_at),
      time(e.recommended_at)
    ]
  })

  const progress: Cell[][] = units.map((u) => {
    const mine = entries.filter((e) => e.unit_id === u.id).map((e) => toEntryStatus(e.status))
    const recommended = mine.filter((s) => s === 'recommended' || s === 'finalist').length
    return [u.name, mine.length, mine.filter((s) => s === 'pending').length, mine.filter((s) => SUBMITTED.includes(s)).length, `${recommended} / ${unitQuota(campaign.rules, u.id)}`]
  })

  const now = deps.clock.now()
  const wb = newWorkbook(now)
  addSheet(wb, '报名汇总', ENTRY_HEADER, rows, ENTRY_WIDTHS)
  addSheet(wb, '单位进度', ['单位', '报名', '待审核', '已提交', '已推荐 / 名额'], progress, [26, 8, 8, 8, 14])
  return toFile(wb, `${fileSafe(campaign.row.name)}_报名汇总_${shanghaiDayKey(now)}.xlsx`, rows.length)
}

const hundredths = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v / 100)

/** Round columns in the campaign's order; a round no longer in the rules keeps its id as its name. */
function roundColumns(results: PublishedResults, rules: CampaignRules): { id: string; name: string }[] {
  const ids = new Set(results.ranking.flatMap((g) => g.standings.flatMap((s) => Object.keys(s.roundScores))))
  const known = rules.rounds.filter((r) => ids.has(r.id)).map((r) => ({ id: r.id, name: r.name }))
  const unknown = [...ids].filter((id) => !rules.rounds.some((r) => r.id === id)).map((id) => ({ id, name: id }))
  return [...known, ...unknown]
}

/** The latest published results: one sheet per ranking group (track, or all tracks), then 组织奖. */
export async function exportResults(deps: Deps, openid: string, campaignId: string): Promise<ExportedFile> {
  const { campaign } = await authorizeCampaign(deps.db, campaignId, openid, 'export.results')
  const results = await readPublishedResults(deps, openid, campaignId)
  const rounds = roundColumns(results, campaign.rules)
  const withVotes = results.ranking.some((g) => g.standings.some((s) => s.votes !== null))
  const tierOf = new Map(results.awards.map((a) => [a.entryId, a.tier]))

  const wb = newWorkbook(deps.clock.now())
  // Reserved first, so a track named 组织奖 cannot take the name of the last sheet.
  const taken = new Set<string>(['组织奖'])
  let rowCount = 0
  const header = ['名次', '微宣讲题目', '宣讲人', '单位', ...rounds.map((r) => r.name), ...(withVotes ? ['观众投票'] : []), '最终得分', '奖项']
  for (const group of results.ranking) {
    const title = group.group === OVERALL_GROUP ? '总排名' : (results.tracks[group.group] ?? group.group)
    const rows: Cell[][] = group.standings.map((s) => {
      const label = results.entries[s.entryId]
      return [
        s.position,
        label?.title ?? '',
        label?.speakerName ?? '',
        results.units[s.unitId] ?? '',
        ...rounds.map((r) => hundredths(s.roundScores[r.id])),
        ...(withVotes ? [s.votes] : []),
        hundredths(s.finalScore),
        tierOf.get(s.entryId) ?? ''
      ]
    })
    rowCount += rows.length
    const ws = addSheet(wb, sheetName(title, taken), header, rows, [6, 30, 10, 24, ...rounds.map(() => 10), ...(withVotes ? [9] : []), 10, 10])
    for (let col = 5; col <= 4 + rounds.length; col++) ws.getColumn(col).numFmt = '0.00'
    ws.getColumn(header.length - 1).numFmt = '0.00'
  }

  const orgRows: Cell[][] = results.organizations.map((o) => [
    o.position,
    results.units[o.unitId] ?? '',
    o.tally.participants,
    o.tally.recommended,
    o.tally.finalists,
    o.awardPoints,
    o.points,
    o.awarded ? '获奖' : ''
  ])
  addSheet(wb, '组织奖', ['名次', '单位', '参与作品', '推荐复赛', '入围决赛', '获奖积分', '总积分', '组织奖'], orgRows, [6, 26, 9, 9, 9, 9, 8, 8])
  return toFile(wb, `${fileSafe(campaign.row.name)}_比赛成绩_${shanghaiDayKey(deps.clock.now())}.xlsx`, rowCount)
}
