/**
 * A contest to test the functions against: one campaign on a real database with two tracks, three
 * units, an organizer, two secretaries, six judges (judge-6 belongs to unit A) and audience members,
 * on a calendar whose stages are laid out from `base`. Tests call the real function handlers.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../src/core/api'
import type { CampaignRulesInput, EntryStatus, Stage } from '../../src/core/contest'
import type { Failure, Result } from '../../src/core/errors'
import type { CallContext, Handler } from '../../cloudfunctions/shared/kit/handler'
import type { Db, NewEntry } from '../../cloudfunctions/shared/db/schema'
import type { ContentCheck, Deps, FileStorage } from '../../cloudfunctions/shared/ports'
import { localWordListCheck } from '../../cloudfunctions/shared/adapters/local-content-check'
import { handler as campaign } from '../../cloudfunctions/campaign'
import { handler as entry } from '../../cloudfunctions/entry'
import { handler as exportFn } from '../../cloudfunctions/export'
import { handler as judging } from '../../cloudfunctions/judging'
import { handler as media } from '../../cloudfunctions/media'
import { handler as results } from '../../cloudfunctions/results'
import { handler as vote } from '../../cloudfunctions/vote'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR
/** 2026-03-02 10:00 in Shanghai. */
export const BASE = Date.UTC(2026, 2, 2, 2, 0, 0)

/** Deadlines relative to the base: registration 10 days, preliminary 20, semifinal 30, final 37. */
export const deadlinesFrom = (base: number) => ({
  registration: base + 10 * DAY,
  preliminary: base + 20 * DAY,
  semifinal: base + 30 * DAY,
  final: base + 37 * DAY
})

/** A moment well inside each stage of a contest made at `base`. */
export const stageTime = (stage: Stage, base = BASE): number =>
  ({ registration: base, preliminary: base + 15 * DAY, semifinal: base + 25 * DAY, final: base + 33 * DAY, published: base + 40 * DAY })[stage]

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t: number) {}
  now = (): number => this.t
}

export const noStorage: FileStorage = { size: async () => null, read: async () => new Uint8Array() }

/** Stored bytes by file id, standing in for cloud storage; every contestDeps reads from it. */
export const storedBytes = new Map<string, Uint8Array>()
export const memoryStorage: FileStorage = {
  size: async (id) => storedBytes.get(id)?.byteLength ?? null,
  read: async (id, offset, length) => {
    const bytes = storedBytes.get(id)
    if (!bytes) throw new Error(`no such file: ${id}`)
    return bytes.subarray(offset, Math.min(bytes.byteLength, offset + length))
  }
}

/** The words the tests' local list refuses. */
export const TEST_SENSITIVE_WORDS = ['违禁词甲', '违禁词乙']

export function contestDeps(db: Db, clock: TestClock, contentCheck: ContentCheck = localWordListCheck(TEST_SENSITIVE_WORDS)): Deps {
  return { db, clock, storage: memoryStorage, contentCheck }
}

export const HANDLERS: Record<Exclude<FunctionName, 'user'>, Handler> = { campaign, entry, judging, results, media, vote, export: exportFn }

/** Calls a function as it runs in the cloud: the event carries the action, the context the caller. */
export function rawCall(deps: Deps, openid: string | null, fn: Exclude<FunctionName, 'user'>, action: string, payload: unknown): Promise<Result<unknown>> {
  const ctx: CallContext = { openid, deps }
  return HANDLERS[fn]({ action, payload }, ctx)
}

/** The same, typed by the phone's contracts. */
export async function call<F extends Exclude<FunctionName, 'user'>, A extends ActionName<F>>(
  deps: Deps,
  openid: string | null,
  fn: F,
  action: A,
  payload: ActionInput<F, A>
): Promise<Result<ActionOutput<F, A>>> {
  // The handler's data is the service's return value, which the contract types describe.
  return (await rawCall(deps, openid, fn, action, payload)) as Result<ActionOutput<F, A>>
}

/** The data of a successful call; a failure fails the test with its code and message. */
export async function ok<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} (${result.field ?? '-'})`)
  return result.data
}

/** The failure of a call that had to fail. */
export async function failure<T>(pending: Promise<Result<T>>): Promise<Failure> {
  const result = await pending
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data).slice(0, 200)}`)
  return result
}

export const P = {
  organizer: 'org',
  secA: 'sec-a',
  secB: 'sec-b',
  judge: (n: number) => `judge-${n}`,
  audience: (n: number) => `aud-${n}`,
  speaker: (n: number) => `spk-${n}`
} as const

export interface Contest {
  campaignId: string
  base: number
  tracks: [string, string]
  /** topics[0] in track 0, topics[1] in track 1, topics[2] open to both. */
  topics: [string, string, string]
  units: { a: string; b: string; c: string }
  branches: { a: string; b: string }
}

/** The seeds' rules, with voting open in the semifinal and the final. */
export const CONTEST_RULES: CampaignRulesInput = {
  votes: { enabled: true, dailyCap: 3, windows: [{ stage: 'semifinal' }, { stage: 'final' }] }
}

let counter = 0

/** Writes a campaign in `stage`; ids carry a per-call suffix, so many contests share one database. */
export async function createContest(db: Db, opts: { stage?: Stage; base?: number; rules?: CampaignRulesInput } = {}): Promise<Contest> {
  const base = opts.base ?? BASE
  const k = `${process.pid.toString(36)}${(counter++).toString(36)}`
  const c: Contest = {
    campaignId: `cmp_${k}`,
    base,
    tracks: [`trk_${k}_1`, `trk_${k}_2`],
    topics: [`top_${k}_1`, `top_${k}_2`, `top_${k}_3`],
    units: { a: `unt_${k}_a`, b: `unt_${k}_b`, c: `unt_${k}_c` },
    branches: { a: `brn_${k}_a`, b: `brn_${k}_b` }
  }
  const d = deadlinesFrom(base)
  const created = base - 7 * DAY
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaigns')
      .values({
        id: c.campaignId,
        name: '测试微宣讲比赛',
        summary: '集成测试用活动',
        organizer_name: '机关工委宣传部',
        stage: opts.stage ?? 'registration',
        rules: JSON.stringify(opts.rules ?? CONTEST_RULES),
        created_at: created,
        updated_at: created
      })
      .execute()
    await trx
      .insertInto('campaign_stages')
      .values([
        { campaign_id: c.campaignId, stage: 'registration', opens_at: created, deadline_at: d.registration },
        { campaign_id: c.campaignId, stage: 'preliminary', opens_at: d.registration + 1, deadline_at: d.preliminary },
        { campaign_id: c.campaignId, stage: 'semifinal', opens_at: d.preliminary + 1, deadline_at: d.semifinal },
        { campaign_id: c.campaignId, stage: 'final', opens_at: d.semifinal + 1, deadline_at: d.final }
      ])
      .execute()
    await trx
      .insertInto('tracks')
      .values([
        { id: c.tracks[0], campaign_id: c.campaignId, name: '战疫密码：中国之治', summary: '', sort: 1 },
        { id: c.tracks[1], campaign_id: c.campaignId, name: '全国两会精神', summary: '', sort: 2 }
      ])
      .execute()
    await trx
      .insertInto('topics')
      .values([
        { id: c.topics[0], campaign_id: c.campaignId, track_id: c.tracks[0], title: '集中力量办大事的制度优势', sort: 1 },
        { id: c.topics[1], campaign_id: c.campaignId, track_id: c.tracks[1], title: '政府工作报告中的民生实事', sort: 2 },
        { id: c.topics[2], campaign_id: c.campaignId, track_id: null, title: '身边的共产党员故事', sort: 3 }
      ])
      .execute()
    await trx
      .insertInto('units')
      .values([
        { id: c.units.a, campaign_id: c.campaignId, name: '市发展改革委机关党委', quota: null, sort: 1 },
        { id: c.units.b, campaign_id: c.campaignId, name: '市教育局机关党委', quota: null, sort: 2 },
        { id: c.units.c, campaign_id: c.campaignId, name: '市财政局机关党委', quota: null, sort: 3 }
      ])
      .execute()
    await trx
      .insertInto('branches')
      .values([
        { id: c.branches.a, unit_id: c.units.a, name: '综合规划处党支部', sort: 1 },
        { id: c.branches.b, unit_id: c.units.b, name: '基础教育处党支部', sort: 1 }
      ])
      .execute()
    const member = (openid: string, role: 'organizer' | 'secretary' | 'judge' | 'audience' | 'speaker', name: string, unit: string | null) => ({
      id: `mem_${k}_${openid}_${role}`,
      campaign_id: c.campaignId,
      openid,
      role,
      unit_id: unit,
      branch_id: null,
      name,
      phone: null,
      title: null,
      created_at: created
    })
    await trx
      .insertInto('members')
      .values([
        member(P.organizer, 'organizer', '周组织', null),
        member(P.secA, 'secretary', '张书记', c.units.a),
        member(P.secB, 'secretary', '李书记', c.units.b),
        ...[1, 2, 3, 4, 5].map((n) => member(P.judge(n), 'judge', `评委${n}`, null)),
        member(P.judge(6), 'judge', '评委6', c.units.a),
        member(P.audience(1), 'audience', '观众一', null),
        member(P.audience(2), 'audience', '观众二', null)
      ])
      .execute()
  })
  return c
}

/** A complete, valid 推荐表 for a speaker of track 0. */
export function validForm(c: Contest, n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: ['陈思远', '刘晓梅', '王建军', '赵丽娟', '孙志强', '周海燕'][n % 6],
    gender: n % 2 === 0 ? '女' : '男',
    politicalStatus: '中共党员',
    workplace: '市发展改革委综合规划处 科员',
    education: '大学本科',
    phone: `1390000${String(1000 + n).slice(-4)}`,
    title: `微宣讲第${n}号：身边的榜样`,
    summary: '讲述一名基层党员在防控一线连续奋战的故事。',
    trackId: c.tracks[0],
    topicId: c.topics[0],
    ...extra
  }
}

/** A script that passes the default limits: `n` sentences of 20 characters. */
export const script = (sentences = 20): string => Array.from({ length: sentences }, (_, i) => `这是讲稿的第${String(i + 1).padStart(3, '0')}句话，讲述基层党员的奉献故事。`).join('\n')

/** An upload the runner stored for `owner`, as the files table records it. */
export async function storeFile(db: Db, owner: string, id: string, at: number): Promise<string> {
  await db
    .insertInto('files')
    .values({ id, owner_openid: owner, purpose: 'video', name: '微宣讲.mp4', size: 123_456_789, mime: 'video/mp4', storage_key: id, status: 'stored', created_at: at, updated_at: at })
    .execute()
  return id
}

/** What the media function does once it has read the stored video: record the VideoSpec verdict on the entry. */
export async function recordVideoVerdict(db: Db, entryId: string, fileId: string, ok: boolean): Promise<void> {
  await db
    .updateTable('entries')
    .set({
      video_file_id: fileId,
      video_facts: JSON.stringify({ container: 'mp4', durationSec: 540, width: 1920, height: 1080, fps: 25, videoCodec: 'h264', audioCodec: 'aac' }),
      video_verdict: JSON.stringify(ok ? { ok: true, problems: [] } : { ok: false, problems: [{ rule: 'duration', level: 'error', message: '视频时长不足 8 分钟' }] })
    })
    .where('id', '=', entryId)
    .execute()
}

/**
 * An entry written straight to the database in any status, with a passing script and a verified
 * video: for fixtures whose subject is a later step, not the registration journey.
 */
export async function insertEntry(
  db: Db,
  c: Contest,
  opts: { id: string; speaker: string; unit: string; status: EntryStatus; track?: 0 | 1; submittedAt?: number; n?: number }
): Promise<string> {
  const n = opts.n ?? 1
  const form = validForm(c, n, { trackId: c.tracks[opts.track ?? 0], topicId: c.topics[2] })
  const at = c.base - DAY + n
  const row: NewEntry = {
    id: opts.id,
    campaign_id: c.campaignId,
    track_id: c.tracks[opts.track ?? 0],
    topic_id: c.topics[2],
    unit_id: opts.unit,
    branch_id: null,
    speaker_openid: opts.speaker,
    status: opts.status,
    title: String(form.title),
    form: JSON.stringify(form),
    phone: String(form.phone),
    endorsement: null,
    script: script(),
    script_status: 'pass',
    script_updated_at: at,
    video_file_id: `fil_${opts.id}`,
    video_facts: null,
    video_verdict: JSON.stringify({ ok: true, problems: [] }),
    recommended_by: null,
    recommended_at: null,
    created_at: at,
    submitted_at: ['draft', 'pending', 'returned', 'endorsed'].includes(opts.status) ? null : (opts.submittedAt ?? at),
    updated_at: at
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('entries').values(row).execute()
    await trx
      .insertInto('members')
      .values({ id: `mem_${opts.id}`, campaign_id: c.campaignId, openid: opts.speaker, role: 'speaker', unit_id: opts.unit, branch_id: null, name: String(form.name), phone: String(form.phone), title: null, created_at: at })
      .execute()
  })
  return opts.id
}

/** Judges assigned to an entry in a round, straight to the database. */
export async function insertAssignments(db: Db, c: Contest, roundId: string, entryId: string, judges: readonly string[]): Promise<void> {
  await db
    .insertInto('judge_assignments')
    .values(judges.map((j) => ({ campaign_id: c.campaignId, round: roundId, entry_id: entryId, judge_openid: j, completed_at: null, comment: null, created_at: c.base })))
    .execute()
}

/** The default rubric's points adding up to `total` (≤ 100): 内容 40 / 表达 30 / 形象 10 / 效果 20. */
export function pointsFor(total: number): Record<string, number> {
  let left = Math.round(total * 100)
  const out: Record<string, number> = {}
  for (const [id, max] of [['content', 40], ['delivery', 30], ['image', 10], ['effect', 20]] as const) {
    const p = Math.min(max * 100, left)
    out[id] = p / 100
    left -= p
  }
  return out
}

/** Row counts of the tables a contest writes, to prove a refused call wrote nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['entries', 'members', 'judge_assignments', 'scores', 'votes', 'results', 'audit_log', 'units', 'campaigns', 'campaign_stages'] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
    out[t] = Number(row.n)
  }
  return out
}
