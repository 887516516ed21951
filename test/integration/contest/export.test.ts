/**
 * The export function on SQLite and MySQL: the organizer's workbooks are read back with exceljs and
 * checked cell by cell; nobody else may export, and results cannot be exported before they are published.
 */
import { Workbook, type Worksheet } from 'exceljs'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { Db } from '../../../cloudfunctions/shared/db/schema'
import { XLSX_MIME, type ExportedFile } from '../../../src/core/api'
import { testDatabases } from '../../support/databases'
import { CONTEST_RULES, DAY, P, TestClock, call, contestDeps, createContest, failure, insertEntry, ok, pointsFor, stageTime, type Contest } from '../../support/contest'

jest.setTimeout(120_000)

async function readBack(file: ExportedFile): Promise<Workbook> {
  const wb = new Workbook()
  const bytes = Buffer.from(file.base64, 'base64')
  // exceljs types its input as an ArrayBuffer; hand it exactly the decoded bytes.
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  return wb
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet ${name}`)
  return ws
}

/** Row values as plain cells (exceljs rows are 1-based, so index 0 is dropped). */
function rowValues(ws: Worksheet, n: number): unknown[] {
  const values = ws.getRow(n).values
  return Array.isArray(values) ? values.slice(1) : []
}

/** The data rows as objects keyed by the header. */
function records(ws: Worksheet): Record<string, unknown>[] {
  const header = rowValues(ws, 1).map(String)
  const out: Record<string, unknown>[] = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = rowValues(ws, r)
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])))
  }
  return out
}

async function scoreSheet(db: Db, c: Contest, round: string, entryId: string, judge: string, total: number): Promise<void> {
  await db
    .insertInto('scores')
    .values(Object.entries(pointsFor(total)).map(([criterion, points]) => ({ campaign_id: c.campaignId, round, entry_id: entryId, judge_openid: judge, criterion, points, created_at: c.base, updated_at: c.base })))
    .execute()
}

describe.each(testDatabases())('export on $name', (database) => {
  let opened: OpenedDatabase
  beforeAll(async () => {
    opened = await database.open()
  })
  afterAll(() => opened.close())

  it('exports every entry but drafts, by unit then submission, with phones, Shanghai times and unit progress', async () => {
    const c = await createContest(opened.db, { stage: 'preliminary' })
    const id = (s: string) => `ent_${c.campaignId}_${s}`
    // 2026-03-01 16:30 UTC is 2026-03-02 00:30 in Shanghai: the day must follow Shanghai, not UTC.
    const lateNight = Date.UTC(2026, 2, 1, 16, 30)
    await insertEntry(opened.db, c, { id: id('a-late'), speaker: P.speaker(1), unit: c.units.a, status: 'submitted', submittedAt: lateNight + DAY, n: 1 })
    await insertEntry(opened.db, c, { id: id('a-early'), speaker: P.speaker(2), unit: c.units.a, status: 'recommended', submittedAt: lateNight, n: 2 })
    await insertEntry(opened.db, c, { id: id('a-pending'), speaker: P.speaker(3), unit: c.units.a, status: 'pending', n: 3 })
    await insertEntry(opened.db, c, { id: id('b'), speaker: P.speaker(4), unit: c.units.b, status: 'submitted', track: 1, submittedAt: lateNight - DAY, n: 4 })
    await insertEntry(opened.db, c, { id: id('draft'), speaker: P.speaker(5), unit: c.units.b, status: 'draft', n: 5 })
    await opened.db.updateTable('entries').set({ branch_id: c.branches.a, recommended_at: lateNight + 2 * DAY }).where('id', '=', id('a-early')).execute()

    const now = Date.UTC(2026, 2, 20, 17, 0) // 2026-03-21 01:00 in Shanghai
    const deps = contestDeps(opened.db, new TestClock(now))
    const file = await ok(call(deps, P.organizer, 'export', 'entries', { campaignId: c.campaignId }))
    expect(file.mime).toBe(XLSX_MIME)
    expect(file.fileName).toBe('测试微宣讲比赛_报名汇总_2026-03-21.xlsx')
    expect(file.rows).toBe(4)

    const wb = await readBack(file)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报名汇总', '单位进度'])
    const entries = sheet(wb, '报名汇总')
    expect(rowValues(entries, 1)).toEqual(['单位', '支部', '姓名', '性别', '政治面貌', '工作单位及职务', '文化程度', '联系电话', '微宣讲题目', '赛道', '宣讲重点', '状态', '讲稿字数', '视频核验', '提交时间', '推荐时间'])
    expect(entries.rowCount - 1).toBe(4)
    const rows = records(entries)
    expect(rows.map((r) => [r['单位'], r['姓名']])).toEqual([
      ['市发展改革委机关党委', '王建军'], // a-early (n 2)
      ['市发展改革委机关党委', '刘晓梅'], // a-late (n 1)
      ['市发展改革委机关党委', '赵丽娟'], // a-pending, not submitted: last of its unit
      ['市教育局机关党委', '孙志强']
    ])
    expect(rows[0]).toMatchObject({
      支部: '综合规划处党支部',
      性别: '女',
      联系电话: '13900001002',
      状态: '已推荐复赛',
      视频核验: '通过',
      赛道: '战疫密码：中国之治',
      宣讲重点: '身边的共产党员故事',
      提交时间: '2026-03-02 00:30',
      推荐时间: '2026-03-04 00:30'
    })
    expect(typeof rows[0]?.['讲稿字数']).toBe('number')
    expect(rows[2]).toMatchObject({ 状态: '待单位审核', 提交时间: '' })
    expect(rows[3]).toMatchObject({ 赛道: '全国两会精神', 联系电话: '13900001004' })

    expect(records(sheet(wb, '单位进度'))).toEqual([
      { 单位: '市发展改革委机关党委', 报名: 3, 待审核: 1, 已提交: 2, '已推荐 / 名额': '1 / 2' },
      { 单位: '市教育局机关党委', 报名: 1, 待审核: 0, 已提交: 1, '已推荐 / 名额': '0 / 2' },
      { 单位: '市财政局机关党委', 报名: 0, 待审核: 0, 已提交: 0, '已推荐 / 名额': '0 / 2' }
    ])
  })

  it('exports the latest published results per track with 组织奖, and NOT_FOUND before publishing', async () => {
    const c = await createContest(opened.db, {
      stage: 'published',
      rules: { ...CONTEST_RULES, awards: { scope: 'track', tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 1 }] } }
    })
    const id = (s: string) => `ent_${c.campaignId}_${s}`
    await insertEntry(opened.db, c, { id: id('1'), speaker: P.speaker(1), unit: c.units.a, status: 'finalist', n: 1 })
    await insertEntry(opened.db, c, { id: id('2'), speaker: P.speaker(2), unit: c.units.b, status: 'finalist', n: 2 })
    await insertEntry(opened.db, c, { id: id('3'), speaker: P.speaker(3), unit: c.units.c, status: 'finalist', track: 1, n: 3 })
    for (const [entry, semifinal, final] of [['1', 70, 90], ['2', 80, 60], ['3', 75, 75]] as const) {
      await scoreSheet(opened.db, c, 'semifinal', id(entry), P.judge(1), semifinal)
      await scoreSheet(opened.db, c, 'final', id(entry), P.judge(2), final)
    }
    const deps = contestDeps(opened.db, new TestClock(stageTime('published', c.base)))

    expect(await failure(call(deps, P.organizer, 'export', 'results', { campaignId: c.campaignId }))).toMatchObject({ code: 'NOT_FOUND', message: '比赛结果尚未发布' })

    await ok(call(deps, P.organizer, 'results', 'publish', { campaignId: c.campaignId }))
    const file = await ok(call(deps, P.organizer, 'export', 'results', { campaignId: c.campaignId }))
    expect(file.fileName).toBe('测试微宣讲比赛_比赛成绩_2026-04-11.xlsx')
    expect(file.rows).toBe(3)

    const wb = await readBack(file)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['战疫密码：中国之治', '全国两会精神', '组织奖'])
    const track0 = sheet(wb, '战疫密码：中国之治')
    expect(rowValues(track0, 1).slice(0, 6)).toEqual(['名次', '微宣讲题目', '宣讲人', '单位', '复赛评审', '决赛现场'])
    // entry 1: 40% × 70 + 60% × 90 = 82; entry 2: 40% × 80 + 60% × 60 = 68
    expect(records(track0)).toEqual([
      expect.objectContaining({ 名次: 1, 微宣讲题目: '微宣讲第1号：身边的榜样', 宣讲人: '刘晓梅', 单位: '市发展改革委机关党委', 复赛评审: 70, 决赛现场: 90, 最终得分: 82, 奖项: '一等奖' }),
      expect.objectContaining({ 名次: 2, 宣讲人: '王建军', 单位: '市教育局机关党委', 最终得分: 68, 奖项: '二等奖' })
    ])
    expect(records(sheet(wb, '全国两会精神'))).toEqual([expect.objectContaining({ 名次: 1, 宣讲人: '赵丽娟', 最终得分: 75, 奖项: '一等奖' })])
    const orgs = records(sheet(wb, '组织奖'))
    expect(rowValues(sheet(wb, '组织奖'), 1)).toEqual(['名次', '单位', '参与作品', '推荐复赛', '入围决赛', '获奖积分', '总积分', '组织奖'])
    expect(orgs.map((o) => o['单位']).sort()).toEqual(['市发展改革委机关党委', '市教育局机关党委', '市财政局机关党委'].sort())
    expect(orgs.every((o) => o['入围决赛'] === 1)).toBe(true)
  })

  it('lets only the organizer export', async () => {
    const c = await createContest(opened.db, { stage: 'preliminary' })
    await insertEntry(opened.db, c, { id: `ent_${c.campaignId}`, speaker: P.speaker(1), unit: c.units.a, status: 'submitted' })
    const deps = contestDeps(opened.db, new TestClock(stageTime('preliminary', c.base)))
    for (const who of [P.secA, P.judge(1), P.speaker(1), P.audience(1)]) {
      expect(await failure(call(deps, who, 'export', 'entries', { campaignId: c.campaignId }))).toMatchObject({ code: 'FORBIDDEN' })
      expect(await failure(call(deps, who, 'export', 'results', { campaignId: c.campaignId }))).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await failure(call(deps, null, 'export', 'entries', { campaignId: c.campaignId }))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
