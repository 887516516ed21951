/**
 * The contest functions as deployed bundles behind the local runner (`POST /api/fn/<name>`), on the
 * seeded demo campaign: identity from the dev login header, the local word list wired in as the
 * content check, and every seeded entry readable through the same services.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { seedDemo } from '../../../cloudfunctions/shared/db/seed'
import { demoOpenid } from '../../../cloudfunctions/shared/db/seed-content'
import { createLocalCloud, type LocalCloud } from '../../../runner/server'
import { buildCloudFunctions } from '../../../scripts/build-cloud'
import { testDatabases } from '../../support/databases'

jest.setTimeout(180_000)

const FUNCTIONS = ['campaign', 'entry', 'judging', 'results', 'vote']
const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'xj-contest-fns-'))
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xj-contest-runner-'))
const [sqlite] = testDatabases()

let opened: OpenedDatabase
let cloud: LocalCloud
let base: string
let campaignId: string

beforeAll(async () => {
  if (sqlite === undefined) throw new Error('sqlite test database missing')
  await buildCloudFunctions(FUNCTIONS, functionsDir)
  opened = await sqlite.open()
  const seeded = await seedDemo(opened.db, { now: Date.now() })
  campaignId = seeded.campaignId ?? ''
  cloud = createLocalCloud({ db: opened.db, dataDir, h5Dir: null, functionsDir, production: false })
  base = await cloud.listen(0)
})
afterAll(async () => {
  await cloud.close()
  await opened.close()
  rmSync(functionsDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

async function post(fn: string, action: string, payload: unknown, openid?: string): Promise<{ ok: boolean; code?: string; field?: string; data?: unknown }> {
  const res = await fetch(`${base}api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid === undefined ? {} : { 'X-Dev-OpenId': openid }) },
    body: JSON.stringify({ action, payload })
  })
  return (await res.json()) as { ok: boolean; code?: string; field?: string; data?: unknown }
}

it('serves every contest function over HTTP on the demo campaign', async () => {
  expect(await post('campaign', 'rules', { campaignId })).toMatchObject({ ok: true })
  const all = await post('entry', 'listAll', { campaignId }, demoOpenid.organizer)
  expect(all.ok).toBe(true)
  const seededEntries = await opened.db.selectFrom('entries').select('id').where('status', '!=', 'draft').execute()
  expect(all.data).toHaveLength(seededEntries.length)
  expect(await post('entry', 'listUnit', { campaignId, unitId: 'nope' }, demoOpenid.secretary('fgw'))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await post('judging', 'myAssignments', { campaignId }, demoOpenid.judge(1))).toEqual({ ok: true, data: [] })
  expect(await post('judging', 'roundScores', { campaignId, roundId: 'semifinal' }, demoOpenid.judge(1))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await post('results', 'get', { campaignId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await post('vote', 'leaderboard', { campaignId })).toMatchObject({ ok: true })
  expect(await post('vote', 'mine', { campaignId })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

it('runs the local sensitive-word list as the content check', async () => {
  const endorsed = await opened.db.selectFrom('entries').select(['id', 'speaker_openid']).where('status', '=', 'endorsed').executeTakeFirstOrThrow()
  const refused = await post('entry', 'saveScript', { entryId: endorsed.id, text: '这篇讲稿提到了网络赌博的危害。' }, endorsed.speaker_openid)
  expect(refused).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', field: 'payload.text' })
  const saved = await post('entry', 'saveScript', { entryId: endorsed.id, text: '这篇讲稿讲述基层党员的奉献故事。' }, endorsed.speaker_openid)
  expect(saved).toMatchObject({ ok: true, data: { status: 'pass' } })
})
