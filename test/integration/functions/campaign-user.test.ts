import type { CampaignDetail, CampaignSummary, Me } from '../../../src/core/api'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { seedDemo } from '../../../cloudfunctions/shared/db/seed'
import type { Deps, FileStorage } from '../../../cloudfunctions/shared/ports'
import { handler as campaign } from '../../../cloudfunctions/campaign'
import { handler as user } from '../../../cloudfunctions/user'
import { testDatabases } from '../../support/databases'

jest.setTimeout(60_000)

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0)
const noStorage: FileStorage = { size: async () => null, read: async () => new Uint8Array() }

describe.each(testDatabases())('campaign and user functions on $name', (database) => {
  let opened: OpenedDatabase
  let deps: Deps
  beforeAll(async () => {
    opened = await database.open()
    await seedDemo(opened.db, { now: NOW })
    deps = { db: opened.db, clock: { now: () => NOW }, storage: noStorage }
  })
  afterAll(() => opened.close())

  it('lists the seeded campaign publicly, with tracks, counts and the current deadline', async () => {
    const result = await campaign({ action: 'list', payload: {} }, { openid: null, deps })
    if (!result.ok) throw new Error(result.message)
    const [demo] = result.data as CampaignSummary[]
    expect(demo).toMatchObject({ name: '大学习 走在前·千名支部书记微宣讲', stage: 'registration' })
    expect(demo?.tracks.map((t) => t.name)).toEqual(['战疫密码：中国之治', '全国两会精神'])
    expect(demo?.unitCount).toBeGreaterThanOrEqual(5)
    const registered = await opened.db.selectFrom('entries').select('id').where('status', '!=', 'draft').execute()
    expect(demo?.entryCount).toBe(registered.length)
    expect(demo?.stageDeadlineAt).toBeGreaterThan(NOW)
  })

  it('gets one campaign with its stage calendar in order, and NOT_FOUND for another id', async () => {
    const list = await campaign({ action: 'list' }, { openid: null, deps })
    const id = list.ok ? (list.data as CampaignSummary[])[0]?.id : undefined
    const result = await campaign({ action: 'get', payload: { campaignId: id } }, { openid: null, deps })
    if (!result.ok) throw new Error(result.message)
    const detail = result.data as CampaignDetail
    expect(detail.stages.map((s) => s.stage)).toEqual(['registration', 'preliminary', 'semifinal', 'final', 'published'].filter((s) => detail.stages.some((x) => x.stage === s)))
    expect(detail.topics.length).toBeGreaterThanOrEqual(6)
    expect(await campaign({ action: 'get', payload: { campaignId: 'cmp_missing' } }, { openid: null, deps })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('tells a caller who they are from the context, and refuses anonymous callers', async () => {
    const me = await user({ action: 'me', payload: {} }, { openid: 'demo-secretary-fgw', deps })
    if (!me.ok) throw new Error(me.message)
    expect(me.data as Me).toMatchObject({ openid: 'demo-secretary-fgw', name: '张建国', memberships: [{ role: 'secretary', unitName: '市发展改革委机关党委' }] })
    expect(await user({ action: 'me', payload: {} }, { openid: null, deps })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    const stranger = await user({ action: 'me' }, { openid: 'someone-new', deps })
    expect(stranger).toEqual({ ok: true, data: { openid: 'someone-new', name: null, memberships: [] } })
  })
})
