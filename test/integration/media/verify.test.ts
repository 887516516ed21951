/**
 * The cloud's video check through the real functions: the speaker uploads, attaches, and the media
 * function reads only header ranges from storage, records facts and verdict, and only then may the
 * entry be submitted. Runs on SQLite and on MySQL.
 */
import { readFileSync } from 'node:fs'
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { Deps, FileStorage } from '../../../cloudfunctions/shared/ports'
import type { VideoVerification } from '../../../src/core/api/media'
import { testDatabases } from '../../support/databases'
import { P, TestClock, contestDeps, createContest, failure, insertEntry, ok, rawCall, storeFile, storedBytes, stageTime, type Contest } from '../../support/contest'
import { ensureSampleVideos } from '../../support/videos'

jest.setTimeout(300_000)

const samples = ensureSampleVideos(['compliant', 'hd720p30'])

/** Counts what the function reads from storage: the point is to read headers, not 1 MB of video. */
function countingStorage(inner: FileStorage): { storage: FileStorage; bytesRead: () => number } {
  let total = 0
  return {
    storage: { size: inner.size, read: async (id, offset, length) => {
      const bytes = await inner.read(id, offset, length)
      total += bytes.byteLength
      return bytes
    } },
    bytesRead: () => total
  }
}

describe.each(testDatabases())('media.verify on $name', (database) => {
  let opened: OpenedDatabase
  let c: Contest
  let deps: Deps
  let counter: ReturnType<typeof countingStorage>
  const clock = new TestClock(0)

  beforeAll(async () => {
    opened = await database.open()
    c = await createContest(opened.db, { stage: 'registration' })
    clock.t = stageTime('registration', c.base)
    const base = contestDeps(opened.db, clock)
    counter = countingStorage(base.storage)
    deps = { ...base, storage: counter.storage }
  })
  afterAll(() => opened.close())

  /** An endorsed entry of speaker n with a stored upload of `file` attached through the entry function. */
  async function endorsedEntryWithUpload(n: number, file: string): Promise<string> {
    const entryId = await insertEntry(opened.db, c, { id: `ent_media_${database.name}_${n}`, speaker: P.speaker(n), unit: c.units.a, status: 'endorsed', n })
    await opened.db.updateTable('entries').set({ video_file_id: null, video_verdict: null }).where('id', '=', entryId).execute()
    const fileId = await storeFile(opened.db, P.speaker(n), `fil_media_${database.name}_${n}`, c.base)
    storedBytes.set(fileId, readFileSync(file))
    await ok(rawCall(deps, P.speaker(n), 'entry', 'attachVideo', { entryId, fileId }))
    return entryId
  }

  it('accepts a compliant 9-minute 1080p25 upload after reading only its header boxes, and lets the entry be submitted', async () => {
    if (!samples.compliant) throw new Error('ffmpeg is needed to make the sample videos')
    const entryId = await endorsedEntryWithUpload(1, samples.compliant)
    // Submitting before the cloud has checked the video is refused.
    expect(await failure(rawCall(deps, P.speaker(1), 'entry', 'submit', { entryId }))).toMatchObject({ ok: false })

    const before = counter.bytesRead()
    const result = (await ok(rawCall(deps, P.speaker(1), 'media', 'verify', { entryId }))) as VideoVerification
    expect(result.verdict.ok).toBe(true)
    expect(result.facts).toMatchObject({ container: 'mp4', width: 1920, height: 1080, videoCodec: 'h264', audioCodec: 'aac' })
    expect(result.facts?.durationSec).toBeCloseTo(540, 0)
    expect(counter.bytesRead() - before).toBeLessThanOrEqual(512 * 1024)

    const row = await opened.db.selectFrom('entries').select(['video_facts', 'video_verdict']).where('id', '=', entryId).executeTakeFirstOrThrow()
    expect(JSON.parse(row.video_verdict ?? 'null')).toMatchObject({ ok: true })
    expect(JSON.parse(row.video_facts ?? 'null')).toMatchObject({ width: 1920, fps: 25 })
    const audit = await opened.db.selectFrom('audit_log').select(['action', 'actor_openid']).where('target_id', '=', entryId).where('action', '=', 'video.verify').execute()
    expect(audit).toEqual([{ action: 'video.verify', actor_openid: P.speaker(1) }])

    await ok(rawCall(deps, P.speaker(1), 'entry', 'submit', { entryId }))
  })

  it('records a failing verdict with the rules broken, and the entry cannot be submitted', async () => {
    if (!samples.hd720p30) throw new Error('ffmpeg is needed to make the sample videos')
    const entryId = await endorsedEntryWithUpload(2, samples.hd720p30)
    const result = (await ok(rawCall(deps, P.speaker(2), 'media', 'verify', { entryId }))) as VideoVerification
    expect(result.verdict.ok).toBe(false)
    expect(result.verdict.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['resolution', 'frameRate']))
    expect(await failure(rawCall(deps, P.speaker(2), 'entry', 'submit', { entryId }))).toMatchObject({ ok: false })
  })

  it('never takes the phone’s word: facts in the payload are refused, and only the speaker may verify', async () => {
    const entryId = `ent_media_${database.name}_1`
    const forged = await failure(rawCall(deps, P.speaker(1), 'media', 'verify', { entryId, facts: { width: 1920, height: 1080 } }))
    expect(forged).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.facts' })
    expect(await failure(rawCall(deps, P.speaker(2), 'media', 'verify', { entryId }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(rawCall(deps, null, 'media', 'verify', { entryId }))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('asks for an upload first, and reports a file missing from storage', async () => {
    const entryId = await insertEntry(opened.db, c, { id: `ent_media_${database.name}_3`, speaker: P.speaker(3), unit: c.units.a, status: 'endorsed', n: 3 })
    await opened.db.updateTable('entries').set({ video_file_id: null, video_verdict: null }).where('id', '=', entryId).execute()
    expect(await failure(rawCall(deps, P.speaker(3), 'media', 'verify', { entryId }))).toMatchObject({ code: 'CONFLICT' })
    await opened.db.updateTable('entries').set({ video_file_id: 'fil_gone' }).where('id', '=', entryId).execute()
    expect(await failure(rawCall(deps, P.speaker(3), 'media', 'verify', { entryId }))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('records a WeChat cloud-storage upload for its caller only when storage holds it', async () => {
    storedBytes.set('cloud://env-1/videos/a.mp4', new Uint8Array(1234))
    const registered = (await ok(rawCall(deps, P.speaker(4), 'media', 'registerUpload', { storageKey: 'cloud://env-1/videos/a.mp4', name: 'a.mp4' }))) as { fileId: string; size: number }
    expect(registered.size).toBe(1234)
    const row = await opened.db.selectFrom('files').selectAll().where('id', '=', registered.fileId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ owner_openid: P.speaker(4), storage_key: 'cloud://env-1/videos/a.mp4', status: 'stored' })
    expect(await failure(rawCall(deps, P.speaker(4), 'media', 'registerUpload', { storageKey: 'cloud://env-1/videos/missing.mp4', name: 'b.mp4' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await failure(rawCall(deps, P.speaker(4), 'media', 'registerUpload', { storageKey: '/etc/passwd', name: 'c.mp4' }))).toMatchObject({ code: 'BAD_REQUEST', field: 'payload.storageKey' })
  })
})
