/**
 * The demo campaign for the embedded default and for `npm run seed`, plus the persona list that the
 * local dev login shows. Times are relative to `now`, so the demo is always in its registration stage.
 */
import { sql, type Kysely } from 'kysely'
import { newId } from './ids'
import { isMysql } from './migrations/ddl'
import type {
  Db,
  MemberRole,
  NewAuditLogRow,
  NewBranch,
  NewCampaign,
  NewCampaignStage,
  NewEntry,
  NewFileRow,
  NewInboxMessage,
  NewMember,
  NewTopic,
  NewTrack,
  NewUnit,
  NewUser
} from './schema'
import {
  DEMO_AUDIENCE,
  DEMO_CAMPAIGN,
  DEMO_JUDGES,
  DEMO_ORGANIZER,
  DEMO_RULES,
  DEMO_SPEAKERS,
  DEMO_TOPICS,
  DEMO_TRACKS,
  DEMO_UNITS,
  ROLE_ORDER,
  demoOpenid,
  type DemoSpeaker
} from './seed-content'

export interface SeedCounts {
  campaigns: number
  stages: number
  tracks: number
  topics: number
  units: number
  branches: number
  users: number
  members: number
  entries: number
  files: number
  auditLog: number
  inbox: number
}

export interface SeedSummary {
  /** false when a campaign already existed and nothing was written. */
  seeded: boolean
  campaignId: string | null
  /** Rows inserted, by table. */
  counts: SeedCounts
}

export interface Persona {
  openid: string
  name: string
  role: MemberRole
  unitName: string | null
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** China Standard Time has no daylight saving: a fixed +8 h is exact. */
const SHANGHAI_OFFSET = 8 * HOUR

const startOfShanghaiDay = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET
/** 23:59:59.999 in Shanghai of the day `days` after the day of `ms`. */
const endOfShanghaiDay = (ms: number, days: number): number => startOfShanghaiDay(ms) + (days + 1) * DAY - 1

const json = (value: unknown): string => JSON.stringify(value)

interface DemoRows {
  campaignId: string
  campaign: NewCampaign
  stages: NewCampaignStage[]
  tracks: NewTrack[]
  topics: NewTopic[]
  units: NewUnit[]
  branches: NewBranch[]
  users: NewUser[]
  members: NewMember[]
  entries: NewEntry[]
  files: NewFileRow[]
  auditLog: NewAuditLogRow[]
  inbox: NewInboxMessage[]
}

function demoRows(now: number): DemoRows {
  const campaignId = newId('cmp')
  const createdAt = now - 7 * DAY

  const registrationDeadline = endOfShanghaiDay(now, 10)
  const preliminaryDeadline = endOfShanghaiDay(now, 20)
  const semifinalDeadline = endOfShanghaiDay(now, 30)
  const finalDeadline = endOfShanghaiDay(now, 37)
  const stages: NewCampaignStage[] = [
    { campaign_id: campaignId, stage: 'registration', opens_at: startOfShanghaiDay(createdAt), deadline_at: registrationDeadline },
    { campaign_id: campaignId, stage: 'preliminary', opens_at: registrationDeadline + 1, deadline_at: preliminaryDeadline },
    { campaign_id: campaignId, stage: 'semifinal', opens_at: preliminaryDeadline + 1, deadline_at: semifinalDeadline },
    { campaign_id: campaignId, stage: 'final', opens_at: semifinalDeadline + 1, deadline_at: finalDeadline }
  ]

  const tracks: NewTrack[] = DEMO_TRACKS.map((t, i) => ({
    id: newId('trk'),
    campaign_id: campaignId,
    name: t.name,
    summary: t.summary,
    sort: i + 1
  }))
  const trackId = (index: number): string => {
    const track = tracks[index]
    if (track === undefined) throw new Error(`demo content: no track ${index}`)
    return track.id
  }

  const topics: NewTopic[] = DEMO_TOPICS.map((t, i) => ({
    id: newId('top'),
    campaign_id: campaignId,
    track_id: t.track === null ? null : trackId(t.track),
    title: t.title,
    sort: i + 1
  }))

  const units: NewUnit[] = []
  const branches: NewBranch[] = []
  const unitIds = new Map<string, { id: string; name: string; branchIds: string[]; branchNames: readonly string[] }>()
  DEMO_UNITS.forEach((u, i) => {
    const id = newId('unt')
    units.push({ id, campaign_id: campaignId, name: u.name, quota: u.quota, sort: i + 1 })
    const branchIds = u.branches.map((name, j) => {
      const branchId = newId('brn')
      branches.push({ id: branchId, unit_id: id, name, sort: j + 1 })
      return branchId
    })
    unitIds.set(u.code, { id, name: u.name, branchIds, branchNames: u.branches })
  })
  const unitOf = (code: string): { id: string; name: string; branchIds: string[]; branchNames: readonly string[] } => {
    const unit = unitIds.get(code)
    if (unit === undefined) throw new Error(`demo content: no unit ${code}`)
    return unit
  }
  const branchOf = (code: string, index: number): string => {
    const branch = unitOf(code).branchIds[index]
    if (branch === undefined) throw new Error(`demo content: no branch ${index} in ${code}`)
    return branch
  }

  // Quotas live on units.quota and in the rules' quotaByUnit; the seed keeps the two in step.
  const quotaByUnit: Record<string, number> = {}
  for (const u of units) if (u.quota !== null && u.quota !== undefined) quotaByUnit[u.id] = u.quota
  const campaign: NewCampaign = {
    id: campaignId,
    name: DEMO_CAMPAIGN.name,
    summary: DEMO_CAMPAIGN.summary,
    organizer_name: DEMO_CAMPAIGN.organizerName,
    stage: 'registration',
    rules: json({ ...DEMO_RULES, recommendation: { ...DEMO_RULES.recommendation, quotaByUnit } }),
    created_at: createdAt,
    updated_at: createdAt
  }

  const users: NewUser[] = []
  const members: NewMember[] = []
  const addPersona = (
    openid: string,
    role: MemberRole,
    name: string,
    joinedAt: number,
    extra: { unit_id?: string; branch_id?: string; phone?: string; title?: string } = {}
  ): void => {
    users.push({ openid, nickname: name, created_at: joinedAt, updated_at: joinedAt })
    members.push({
      id: newId('mem'),
      campaign_id: campaignId,
      openid,
      role,
      unit_id: extra.unit_id ?? null,
      branch_id: extra.branch_id ?? null,
      name,
      phone: extra.phone ?? null,
      title: extra.title ?? null,
      created_at: joinedAt
    })
  }

  addPersona(demoOpenid.organizer, 'organizer', DEMO_ORGANIZER.name, createdAt, {
    phone: DEMO_ORGANIZER.phone,
    title: DEMO_ORGANIZER.title
  })
  DEMO_UNITS.forEach((u, i) => {
    addPersona(demoOpenid.secretary(u.code), 'secretary', u.secretary.name, createdAt + (i + 1) * HOUR, {
      unit_id: unitOf(u.code).id,
      branch_id: branchOf(u.code, u.secretary.branch),
      phone: u.secretary.phone,
      title: u.secretary.title
    })
  })
  DEMO_JUDGES.forEach((j, i) => {
    addPersona(demoOpenid.judge(i + 1), 'judge', j.name, createdAt + (i + 1) * HOUR, { phone: j.phone, title: j.title })
  })
  DEMO_AUDIENCE.forEach((name, i) => {
    addPersona(demoOpenid.audience(i + 1), 'audience', name, now - (DEMO_AUDIENCE.length - i) * DAY)
  })

  const entries: NewEntry[] = []
  const files: NewFileRow[] = []
  const auditLog: NewAuditLogRow[] = []
  const inbox: NewInboxMessage[] = []
  const note = (openid: string, kind: string, title: string, body: string, at: number): void => {
    inbox.push({ id: newId('ibx'), openid, campaign_id: campaignId, kind, title, body, link: null, read_at: null, created_at: at })
  }
  const audit = (actor: string, action: string, entryId: string, before: string, after: string, at: number): void => {
    auditLog.push({
      id: newId('aud'),
      campaign_id: campaignId,
      actor_openid: actor,
      action,
      target_type: 'entry',
      target_id: entryId,
      before: json({ status: before }),
      after: json({ status: after }),
      at
    })
  }

  DEMO_SPEAKERS.forEach((s: DemoSpeaker, i) => {
    const openid = demoOpenid.speaker(s.no)
    const unit = unitOf(s.unit)
    const secretary = demoOpenid.secretary(s.unit)
    const topic = topics[s.topic]
    if (topic === undefined) throw new Error(`demo content: no topic ${s.topic}`)
    // Registrations trickle in over the past days, oldest first.
    const registeredAt = now - (6 * DAY - i * 9 * HOUR)
    const reviewedAt = registeredAt + 20 * HOUR
    const workAt = reviewedAt + 18 * HOUR
    const recommendedAt = workAt + 6 * HOUR
    addPersona(openid, 'speaker', s.name, registeredAt - HOUR, {
      unit_id: unit.id,
      branch_id: branchOf(s.unit, s.branch),
      phone: s.phone,
      title: s.position
    })

    const entryId = newId('ent')
    const reviewed = s.status !== 'draft' && s.status !== 'pending'
    const returned = s.status === 'returned'
    const hasWork = s.status === 'submitted' || s.status === 'recommended'
    const recommended = s.status === 'recommended'
    const isPartyMember = s.politicalStatus === '中共党员' || s.politicalStatus === '中共预备党员'

    let videoFileId: string | null = null
    let videoFacts: string | null = null
    let videoVerdict: string | null = null
    if (hasWork && s.videoSeconds !== undefined) {
      videoFileId = newId('fil')
      const videoKbps = 7800 + i * 10 // inside the spec's 6–10 Mbps
      const size = Math.round(s.videoSeconds * (videoKbps + 128) * 125) // video + 128 kbps AAC
      files.push({
        id: videoFileId,
        owner_openid: openid,
        purpose: 'video',
        name: `微宣讲-${s.name}.mp4`,
        size,
        mime: 'video/mp4',
        // No bytes are seeded: the storage adapter has nothing under this key.
        storage_key: `demo/videos/${entryId}.mp4`,
        status: 'stored',
        created_at: workAt,
        updated_at: workAt
      })
      videoFacts = json({
        container: 'mp4',
        durationSec: s.videoSeconds,
        width: 1920,
        height: 1080,
        fps: 25,
        videoCodec: 'h264',
        audioCodec: 'aac',
        videoBitrateKbps: videoKbps,
        fileSizeBytes: size,
        bytesRead: 65_536
      })
      videoVerdict = json({ ok: true, problems: [] })
    }

    const lastChange = recommended ? recommendedAt : hasWork ? workAt : reviewed ? reviewedAt : registeredAt
    entries.push({
      id: entryId,
      campaign_id: campaignId,
      track_id: trackId(s.track),
      topic_id: topic.id,
      unit_id: unit.id,
      branch_id: branchOf(s.unit, s.branch),
      speaker_openid: openid,
      status: s.status,
      title: s.title,
      // The 推荐表 in the shape of src/core's RegistrationFormSchema.
      form: json({
        name: s.name,
        gender: s.gender,
        politicalStatus: s.politicalStatus,
        workplace: `${unit.name.replace(/机关党委$/, '')}${s.position}`,
        ...(isPartyMember ? { partyOrganization: `${unit.name}${unit.branchNames[s.branch] ?? ''}党员` } : {}),
        education: s.education,
        phone: s.phone,
        title: s.title,
        summary: s.summary,
        trackId: trackId(s.track),
        topicId: topic.id
      }),
      phone: s.phone,
      endorsement: reviewed
        ? json(
            returned
              ? { decision: 'returned', by: secretary, at: reviewedAt, reason: s.returnReason ?? '' }
              : { decision: 'endorsed', by: secretary, at: reviewedAt }
          )
        : null,
      script: s.script ?? null,
      // the content check's outcome for the saved script
      script_status: s.script === undefined ? null : 'pass',
      script_updated_at: s.script === undefined ? null : hasWork ? workAt : reviewedAt + 2 * HOUR,
      video_file_id: videoFileId,
      video_facts: videoFacts,
      video_verdict: videoVerdict,
      recommended_by: recommended ? secretary : null,
      recommended_at: recommended ? recommendedAt : null,
      created_at: registeredAt,
      submitted_at: hasWork ? workAt : null,
      updated_at: lastChange
    })

    if (reviewed) {
      audit(secretary, returned ? 'entry.return' : 'entry.endorse', entryId, 'pending', returned ? 'returned' : 'endorsed', reviewedAt)
    }
    if (hasWork) audit(openid, 'entry.submit', entryId, 'endorsed', 'submitted', workAt)
    if (recommended) audit(secretary, 'entry.recommend', entryId, 'submitted', 'recommended', recommendedAt)

    if (returned) {
      note(openid, 'entry_returned', '推荐表被退回', `您的推荐表《${s.title}》被${unit.name}退回：${s.returnReason ?? ''}`, reviewedAt)
    } else if (s.status === 'endorsed') {
      note(openid, 'entry_endorsed', '推荐表已审核通过', `您的推荐表《${s.title}》已审核通过，请在报名截止前提交讲稿和视频。`, reviewedAt)
    } else if (recommended) {
      note(openid, 'entry_recommended', '作品已获推荐', `您的作品《${s.title}》已由${unit.name}推荐参加复赛。`, recommendedAt)
    }
  })

  // Secretaries with registrations waiting for them get one reminder each.
  for (const u of DEMO_UNITS) {
    const waiting = DEMO_SPEAKERS.filter((s) => s.unit === u.code && s.status === 'pending').length
    if (waiting > 0) {
      note(demoOpenid.secretary(u.code), 'review_needed', '有推荐表待审核', `${u.name}有 ${waiting} 份推荐表待您审核。`, now - 2 * HOUR)
    }
  }

  return { campaignId, campaign, stages, tracks, topics, units, branches, users, members, entries, files, auditLog, inbox }
}

const NOTHING: SeedCounts = {
  campaigns: 0,
  stages: 0,
  tracks: 0,
  topics: 0,
  units: 0,
  branches: 0,
  users: 0,
  members: 0,
  entries: 0,
  files: 0,
  auditLog: 0,
  inbox: 0
}

/**
 * Writes the demo campaign in one transaction when the database holds no campaign yet; otherwise
 * leaves everything as it is. Users that already exist (same openid) are kept, not overwritten.
 */
export async function seedDemo(db: Db, opts: { now: number }): Promise<SeedSummary> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('campaigns').select('id').limit(1).executeTakeFirst()
    if (existing !== undefined) return { seeded: false, campaignId: null, counts: { ...NOTHING } }

    const rows = demoRows(opts.now)
    const known = new Set(
      (await trx.selectFrom('users').select('openid').where('openid', 'in', rows.users.map((u) => u.openid)).execute()).map(
        (u) => u.openid
      )
    )
    const newUsers = rows.users.filter((u) => !known.has(u.openid))

    await trx.insertInto('campaigns').values(rows.campaign).execute()
    await trx.insertInto('campaign_stages').values(rows.stages).execute()
    await trx.insertInto('tracks').values(rows.tracks).execute()
    await trx.insertInto('topics').values(rows.topics).execute()
    await trx.insertInto('units').values(rows.units).execute()
    await trx.insertInto('branches').values(rows.branches).execute()
    if (newUsers.length > 0) await trx.insertInto('users').values(newUsers).execute()
    await trx.insertInto('members').values(rows.members).execute()
    await trx.insertInto('files').values(rows.files).execute()
    await trx.insertInto('entries').values(rows.entries).execute()
    await trx.insertInto('audit_log').values(rows.auditLog).execute()
    await trx.insertInto('inbox').values(rows.inbox).execute()

    return {
      seeded: true,
      campaignId: rows.campaignId,
      counts: {
        campaigns: 1,
        stages: rows.stages.length,
        tracks: rows.tracks.length,
        topics: rows.topics.length,
        units: rows.units.length,
        branches: rows.branches.length,
        users: newUsers.length,
        members: rows.members.length,
        entries: rows.entries.length,
        files: rows.files.length,
        auditLog: rows.auditLog.length,
        inbox: rows.inbox.length
      }
    }
  })
}

/**
 * Drops every table, migration bookkeeping included; the caller migrates and seeds again.
 * Destroys all data: only for the local database and scratch test databases.
 */
export async function resetDatabase<DB>(db: Kysely<DB>): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  const mysql = isMysql(db)
  // One pinned connection, so the MySQL session flag covers every drop.
  await db.connection().execute(async (conn) => {
    // The schema has no foreign keys today; a later migration adding some must not break reset.
    if (mysql) await sql`set foreign_key_checks = 0`.execute(conn)
    try {
      for (const table of tables) {
        if (table.isView) await conn.schema.dropView(table.name).ifExists().execute()
        else await conn.schema.dropTable(table.name).ifExists().execute()
      }
    } finally {
      if (mysql) await sql`set foreign_key_checks = 1`.execute(conn)
    }
  })
}

/**
 * Everyone the dev login can act as: one row per (openid, role), from the oldest campaign that
 * person belongs to, ordered organizer → secretaries → speakers → judges → audience, then by
 * when they joined.
 */
export async function listPersonas(db: Db): Promise<Persona[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('campaigns', 'campaigns.id', 'members.campaign_id')
    .leftJoin('units', 'units.id', 'members.unit_id')
    .select(['members.openid', 'members.name', 'members.role', 'units.name as unitName'])
    .orderBy('campaigns.created_at')
    .orderBy('members.created_at')
    .orderBy('members.openid')
    .execute()

  const seen = new Set<string>()
  const personas: Persona[] = []
  for (const row of rows) {
    const key = `${row.role}\u0000${row.openid}`
    if (seen.has(key)) continue
    seen.add(key)
    personas.push({ openid: row.openid, name: row.name, role: row.role, unitName: row.unitName })
  }
  const rank = (role: MemberRole): number => ROLE_ORDER.indexOf(role)
  // Stable sort: within a role, people keep the order in which they joined.
  return personas.sort((a, b) => rank(a.role) - rank(b.role))
}
