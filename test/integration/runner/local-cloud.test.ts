import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Upload } from 'tus-js-client'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import { seedDemo } from '../../../cloudfunctions/shared/db/seed'
import { createLocalCloud, type LocalCloud } from '../../../runner/server'
import { buildCloudFunctions } from '../../../scripts/build-cloud'
import { testDatabases } from '../../support/databases'

jest.setTimeout(120_000)

// The deployable bundles, built once into a private folder so parallel suites never share one.
const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'xj-fns-'))
beforeAll(async () => {
  await buildCloudFunctions(['campaign', 'user'], functionsDir)
})
afterAll(() => rmSync(functionsDir, { recursive: true, force: true }))

const [sqlite] = testDatabases()

function uploadWithTus(endpoint: string, bytes: Buffer, openid: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(bytes, {
      endpoint,
      chunkSize: 64 * 1024,
      retryDelays: [],
      headers: openid ? { 'X-Dev-OpenId': openid } : {},
      metadata: { filename: 'talk.mp4', filetype: 'video/mp4', purpose: 'video' },
      onError: reject,
      onSuccess: () => resolve(upload.url ?? '')
    })
    upload.start()
  })
}

describe.each([false, true])('local cloud runner (production=%s)', (production) => {
  let opened: OpenedDatabase
  let cloud: LocalCloud
  let base: string
  let dataDir: string

  beforeAll(async () => {
    if (!sqlite) throw new Error('sqlite test database missing')
    opened = await sqlite.open()
    await seedDemo(opened.db, { now: Date.now() })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'xj-runner-'))
    cloud = createLocalCloud({ db: opened.db, dataDir, h5Dir: null, functionsDir, production })
    base = await cloud.listen(0)
  })
  afterAll(async () => {
    await cloud.close()
    await opened.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const post = (fn: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  it('serves a function at POST /api/fn/<name> with the event as body and its result as reply', async () => {
    const res = await post('campaign', JSON.stringify({ action: 'list' }))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: boolean; data: Array<{ name: string; tracks: unknown[] }> }
    expect(body.ok).toBe(true)
    expect(body.data[0]?.name).toBe('大学习 走在前·千名支部书记微宣讲')
    expect(body.data[0]?.tracks).toHaveLength(2)
  })

  it('answers malformed bodies and unknown functions with coded errors, never a stack', async () => {
    const bad = await post('campaign', '{not json')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ ok: false, code: 'BAD_REQUEST', message: '请求体不是合法的 JSON' })
    const unknown = await post('nope', '{}')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const field = (await (await post('campaign', JSON.stringify({ action: 'get', payload: {} }))).json()) as { code: string; field: string }
    expect(field).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.campaignId' })
  })

  it('puts the dev identity into the context in local mode and refuses it in production', async () => {
    const res = await post('user', JSON.stringify({ action: 'me' }), { 'X-Dev-OpenId': 'demo-speaker-01' })
    const body = (await res.json()) as { ok: boolean; code?: string; data?: { name: string } }
    if (production) {
      expect(res.status).toBe(403)
      expect(body).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    } else {
      expect(body).toMatchObject({ ok: true, data: { openid: 'demo-speaker-01', name: '陈思远' } })
    }
    // An openid inside the event is never an identity.
    const forged = (await (await post('user', JSON.stringify({ action: 'me', payload: {}, openid: 'demo-organizer', userInfo: { openId: 'demo-organizer' } }))).json()) as { code: string }
    expect(forged).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('lists personas for the dev login only outside production', async () => {
    const res = await fetch(`${base}api/dev/personas`)
    if (production) expect(res.status).toBe(403)
    else {
      const body = (await res.json()) as { data: Array<{ role: string }> }
      expect(new Set(body.data.map((p) => p.role))).toEqual(new Set(['organizer', 'secretary', 'speaker', 'judge', 'audience']))
    }
  })

  it('takes resumable uploads and serves the stored bytes with HTTP Range', async () => {
    const bytes = Buffer.alloc(300 * 1024)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 251
    if (production) {
      await expect(uploadWithTus(`${base}api/uploads`, bytes, 'demo-speaker-01')).rejects.toThrow()
      return
    }
    await expect(uploadWithTus(`${base}api/uploads`, bytes, null)).rejects.toThrow(/401/)
    const location = await uploadWithTus(`${base}api/uploads`, bytes, 'demo-speaker-01')
    const id = location.split('/').pop() ?? ''
    const row = await opened.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ owner_openid: 'demo-speaker-01', status: 'stored', size: bytes.length, name: 'talk.mp4' })

    const whole = await fetch(`${base}api/files/${id}`)
    expect(whole.status).toBe(200)
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true)
    const part = await fetch(`${base}api/files/${id}`, { headers: { Range: 'bytes=1000-1999' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true)
    const tail = await fetch(`${base}api/files/${id}`, { headers: { Range: 'bytes=-16' } })
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 16))).toBe(true)
    const beyond = await fetch(`${base}api/files/${id}`, { headers: { Range: `bytes=${bytes.length + 10}-` } })
    expect(beyond.status).toBe(416)
    expect((await fetch(`${base}api/files/../../etc/passwd`)).status).toBe(404)
  })
})
