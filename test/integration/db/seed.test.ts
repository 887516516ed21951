import { migrateToLatest } from '../../../cloudfunctions/shared/db/migrations'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { listPersonas, resetDatabase, seedDemo } from '../../../cloudfunctions/shared/db/seed'
import { checkScript, ENTRY_STATUSES, parseCampaignRules, parseRegistrationDraft, parseRegistrationForm } from '../../../src/core/contest'
import { evaluateVideo, parseVideoSpec, videoFactsSchema } from '../../../src/core/video'
import { testDatabases } from '../../support/databases'

// 2026-03-05 10:30 in Shanghai
const NOW = Date.UTC(2026, 2, 5, 2, 30)
const DAY = 86_400_000

describe.each(testDatabases())('demo seed on $name', ({ open }) => {
  let opened: OpenedDatabase

  beforeEach(async () => {
    opened = await open()
  })
  afterEach(async () => {
    await opened.close()
  })

  const countOf = async (table: 'campaigns' | 'entries' | 'members' | 'users' | 'units' | 'branches'): Promise<number> =>
    (await opened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

  it('writes the campaign once and leaves it alone afterwards', async () => {
    const first = await seedDemo(opened.db, { now: NOW })
    expect(first.seeded).toBe(true)
    expect(first.counts).toMatchObject({ campaigns: 1, tracks: 2, units: 6, entries: 12, members: 27, users: 27 })

    const second = await seedDemo(opened.db, { now: NOW + DAY })
    expect(second).toMatchObject({ seeded: false, campaignId: null })
    expect(await countOf('campaigns')).toBe(1)
    expect(await countOf('entries')).toBe(12)
    expect(await countOf('members')).toBe(27)
    expect(await countOf('users')).toBe(27)
  })

  it('describes the campaign, its tracks, topics and stages', async () => {
    const { campaignId } = await seedDemo(opened.db, { now: NOW })
    const campaign = await opened.db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow()
    expect(campaign).toMatchObject({
      id: campaignId,
      name: '大学习 走在前·千名支部书记微宣讲',
      organizer_name: '机关工委宣传部',
      stage: 'registration'
    })
    expect(JSON.parse(campaign.rules)).toMatchObject({ recommendation: { defaultQuota: 2 }, votes: { enabled: true, dailyCap: 3 } })

    const tracks = await opened.db.selectFrom('tracks').selectAll().orderBy('sort').execute()
    expect(tracks.map((t) => t.name)).toEqual(['战疫密码：中国之治', '全国两会精神'])
    for (const t of tracks) expect(t.summary.length).toBeGreaterThan(10)

    const topics = await opened.db.selectFrom('topics').selectAll().execute()
    expect(topics.length).toBeGreaterThanOrEqual(6)
    expect(topics.length).toBeLessThanOrEqual(8)

    const stages = await opened.db.selectFrom('campaign_stages').selectAll().orderBy('opens_at').execute()
    expect(stages.map((s) => s.stage)).toEqual(['registration', 'preliminary', 'semifinal', 'final'])
    const registration = stages[0]
    expect(registration?.opens_at).toBeLessThanOrEqual(NOW)
    // the registration deadline falls on the tenth day from today, Shanghai time
    expect(registration?.deadline_at).toBe(Date.UTC(2026, 2, 15, 16, 0) - 1)
    for (let i = 1; i < stages.length; i++) {
      const previous = stages[i - 1]
      const stage = stages[i]
      expect(stage?.opens_at).toBe((previous?.deadline_at ?? NaN) + 1)
      expect(stage?.deadline_at).toBeGreaterThan(stage?.opens_at ?? Infinity)
    }
  })

  it('builds units with branches, one secretary each, and quotas', async () => {
    await seedDemo(opened.db, { now: NOW })
    const units = await opened.db.selectFrom('units').selectAll().orderBy('sort').execute()
    expect(units.length).toBeGreaterThanOrEqual(5)
    expect(units.map((u) => u.name)).toContain('市发展改革委机关党委')
    expect(units.some((u) => u.quota === null)).toBe(true)
    expect(units.some((u) => u.quota === 1)).toBe(true)

    for (const unit of units) {
      const branches = await opened.db.selectFrom('branches').select('id').where('unit_id', '=', unit.id).execute()
      expect(branches.length).toBeGreaterThanOrEqual(2)
      expect(branches.length).toBeLessThanOrEqual(3)
      const secretaries = await opened.db
        .selectFrom('members')
        .select(['branch_id'])
        .where('role', '=', 'secretary')
        .where('unit_id', '=', unit.id)
        .execute()
      expect(secretaries).toHaveLength(1)
      expect(branches.map((b) => b.id)).toContain(secretaries[0]?.branch_id)
    }
  })

  it('spreads entries over statuses with consistent details', async () => {
    await seedDemo(opened.db, { now: NOW })
    const entries = await opened.db.selectFrom('entries').selectAll().execute()
    const byStatus = new Map<string, number>()
    for (const e of entries) byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1)
    for (const status of ['draft', 'pending', 'endorsed', 'returned', 'submitted', 'recommended']) {
      expect(byStatus.get(status) ?? 0).toBeGreaterThan(0)
    }
    expect(new Set(entries.map((e) => e.unit_id)).size).toBeGreaterThanOrEqual(5)

    const topics = new Map((await opened.db.selectFrom('topics').select(['id', 'track_id']).execute()).map((t) => [t.id, t]))
    for (const e of entries) {
      const form: unknown = JSON.parse(e.form)
      expect(form).toMatchObject({ title: e.title, phone: e.phone, trackId: e.track_id, topicId: e.topic_id })
      expect(e.phone).toMatch(/^1[3-9]\d{9}$/)
      expect(e.created_at).toBeLessThan(NOW)
      expect(e.updated_at).toBeLessThanOrEqual(NOW)
      const topic = e.topic_id === null ? undefined : topics.get(e.topic_id)
      expect(topic).toBeDefined()
      expect([null, e.track_id]).toContain(topic?.track_id)

      const hasWork = e.status === 'submitted' || e.status === 'recommended'
      expect(e.submitted_at !== null).toBe(hasWork)
      expect(e.video_file_id !== null).toBe(hasWork)
      if (hasWork) {
        expect(e.script?.length ?? 0).toBeGreaterThan(100)
        const file = await opened.db.selectFrom('files').selectAll().where('id', '=', e.video_file_id ?? '').executeTakeFirstOrThrow()
        expect(file).toMatchObject({ owner_openid: e.speaker_openid, status: 'stored', mime: 'video/mp4' })
      }
      expect(e.recommended_at !== null).toBe(e.status === 'recommended')
    }

    const returned = entries.find((e) => e.status === 'returned')
    expect(JSON.parse(returned?.endorsement ?? 'null')).toMatchObject({ decision: 'returned', reason: expect.stringMatching(/.{10,}/) })
    const inbox = await opened.db.selectFrom('inbox').selectAll().where('openid', '=', returned?.speaker_openid ?? '').execute()
    expect(inbox.map((m) => m.kind)).toContain('entry_returned')
  })

  it('stores JSON that src/core parses: rules, 推荐表, video facts and verdicts, scripts', async () => {
    await seedDemo(opened.db, { now: NOW })
    const campaign = await opened.db.selectFrom('campaigns').select('rules').executeTakeFirstOrThrow()
    const rules = parseCampaignRules(campaign.rules)
    if (!rules.ok) throw new Error(rules.message)
    const units = await opened.db.selectFrom('units').select(['id', 'quota']).execute()
    const quotas = Object.fromEntries(units.flatMap((u) => (u.quota === null ? [] : [[u.id, u.quota]])))
    expect(rules.data.recommendation.quotaByUnit).toEqual(quotas)
    expect(rules.data.votes.dailyCap).toBe(3)
    const spec = parseVideoSpec(rules.data.video)

    const catalog = {
      tracks: await opened.db.selectFrom('tracks').select('id').execute(),
      topics: (await opened.db.selectFrom('topics').select(['id', 'track_id']).execute()).map((t) => ({ id: t.id, trackId: t.track_id }))
    }
    const entries = await opened.db.selectFrom('entries').selectAll().execute()
    for (const e of entries) {
      expect(ENTRY_STATUSES).toContain(e.status)
      const form: unknown = JSON.parse(e.form)
      const parsed = e.status === 'draft' ? parseRegistrationDraft(form, catalog) : parseRegistrationForm(form, catalog)
      if (!parsed.ok) throw new Error(`${e.title}: ${parsed.message}`)
      expect(parsed.data).toMatchObject({ trackId: e.track_id, topicId: e.topic_id })

      if (e.script !== null) expect(checkScript(e.script, rules.data.script).ok).toBe(true)
      if (e.video_facts !== null) {
        const facts = videoFactsSchema.parse(JSON.parse(e.video_facts))
        expect(JSON.parse(e.video_verdict ?? 'null')).toEqual(evaluateVideo(facts, spec))
        expect(evaluateVideo(facts, spec).ok).toBe(true)
        const file = await opened.db.selectFrom('files').select('size').where('id', '=', e.video_file_id ?? '').executeTakeFirstOrThrow()
        expect(file.size).toBe(facts.fileSizeBytes)
      }
    }
  })

  it('lists every persona with a Chinese name, in dev-login order', async () => {
    await seedDemo(opened.db, { now: NOW })
    const personas = await listPersonas(opened.db)
    const roles = personas.map((p) => p.role)
    expect(roles.filter((r) => r === 'organizer')).toHaveLength(1)
    expect(roles.filter((r) => r === 'secretary')).toHaveLength(6)
    expect(roles.filter((r) => r === 'speaker')).toHaveLength(12)
    expect(roles.filter((r) => r === 'judge')).toHaveLength(5)
    expect(roles.filter((r) => r === 'audience')).toHaveLength(3)
    expect(personas[0]).toEqual({ openid: 'demo-organizer', name: '赵慧敏', role: 'organizer', unitName: null })
    expect(personas).toContainEqual({
      openid: 'demo-secretary-fgw',
      name: '张建国',
      role: 'secretary',
      unitName: '市发展改革委机关党委'
    })
    expect(personas.filter((p) => p.role === 'speaker').map((p) => p.openid)).toEqual(
      Array.from({ length: 12 }, (_, i) => `demo-speaker-${String(i + 1).padStart(2, '0')}`)
    )
    expect(personas.filter((p) => p.role === 'judge').map((p) => p.openid)).toEqual([1, 2, 3, 4, 5].map((n) => `demo-judge-${n}`))
    for (const p of personas) {
      expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/)
      expect(p.unitName === null).toBe(!['secretary', 'speaker'].includes(p.role))
    }

    const users = await opened.db.selectFrom('users').select('openid').execute()
    expect(new Set(users.map((u) => u.openid))).toEqual(new Set(personas.map((p) => p.openid)))
  })

  it('starts again from nothing after a reset', async () => {
    const before = await seedDemo(opened.db, { now: NOW })
    await resetDatabase(opened.db)
    expect(await opened.db.introspection.getTables({ withInternalKyselyTables: true })).toEqual([])

    await migrateToLatest(opened.db)
    const after = await seedDemo(opened.db, { now: NOW })
    expect(after.seeded).toBe(true)
    expect(after.campaignId).not.toBe(before.campaignId)
    expect(await countOf('campaigns')).toBe(1)
    expect(await countOf('units')).toBe(6)
    expect(await countOf('branches')).toBe(15)
  })
})
