/**
 * Every action of the contest functions × every kind of caller, through the real functions on SQLite
 * and MySQL, against the table below (deny by default). Each action gets a fresh campaign in the stage
 * where it can run, with speaker spk-1's entry in unit A in the status the action needs and judge-1
 * assigned to it in both rounds. Denied callers get FORBIDDEN (UNAUTHENTICATED when anonymous) and
 * write nothing; allowed callers are never refused for who they are, and at least one succeeds.
 */
import type { OpenedDatabase } from '../../../cloudfunctions/shared/db/open'
import type { Db } from '../../../cloudfunctions/shared/db/schema'
import type { ActionName, FunctionName } from '../../../src/core/api'
import type { EntryStatus, Stage } from '../../../src/core/contest'
import { testDatabases } from '../../support/databases'
import {
  CONTEST_RULES,
  DAY,
  HOUR,
  P,
  TestClock,
  contestDeps,
  createContest,
  deadlinesFrom,
  insertAssignments,
  insertEntry,
  pointsFor,
  rawCall,
  script,
  stageTime,
  storeFile,
  storedBytes,
  tableCounts,
  type Contest
} from '../../support/contest'

jest.setTimeout(180_000)

const PERSONAS = ['speaker', 'ownSecretary', 'otherSecretary', 'assignedJudge', 'unassignedJudge', 'organizer', 'audience', 'anonymous'] as const
type Persona = (typeof PERSONAS)[number]

const OPENID: Record<Persona, string | null> = {
  speaker: P.speaker(1),
  ownSecretary: P.secA,
  otherSecretary: P.secB,
  assignedJudge: P.judge(1),
  unassignedJudge: P.judge(2),
  organizer: P.organizer,
  audience: P.audience(1),
  anonymous: null
}

const ALL: readonly Persona[] = PERSONAS
const SIGNED_IN: readonly Persona[] = PERSONAS.filter((p) => p !== 'anonymous')
const ORGANIZER: readonly Persona[] = ['organizer']
const SPEAKER: readonly Persona[] = ['speaker']
const OWN_SECRETARY: readonly Persona[] = ['ownSecretary']
/** Not staff: judges and organizers neither enter the contest nor vote in it. */
const CONTESTANTS: readonly Persona[] = ['speaker', 'ownSecretary', 'otherSecretary', 'audience']

interface Case {
  stage: Stage
  /** The entry's status. */
  status: EntryStatus
  /** The server clock; by default well inside the stage. */
  at?: (c: Contest) => number
  prepare?: (db: Db, c: Contest, entryId: string) => Promise<void>
  payload: (c: Contest, entryId: string) => unknown
  allow: readonly Persona[]
}

type Fn = Exclude<FunctionName, 'user'>
type Matrix = { [F in Fn]: { [A in ActionName<F>]: Case } }

async function judgeSheet(db: Db, c: Contest, entryId: string, roundId: string): Promise<void> {
  await db
    .insertInto('scores')
    .values(Object.entries(pointsFor(80)).map(([criterion, points]) => ({ campaign_id: c.campaignId, round: roundId, entry_id: entryId, judge_openid: P.judge(1), criterion, points, created_at: c.base, updated_at: c.base })))
    .execute()
}

const campaignOnly = (c: Contest) => ({ campaignId: c.campaignId })

async function publishEmptySnapshot(db: Db, c: Contest): Promise<void> {
  const snapshot = { campaignId: c.campaignId, version: 1, publishedAt: c.base, ranking: [], awards: [], organizations: [], entries: {}, units: {}, tracks: {} }
  await db.insertInto('results').values({ campaign_id: c.campaignId, version: 1, published_at: c.base, published_by: P.organizer, snapshot: JSON.stringify(snapshot) }).execute()
}
const entryOnly = (_c: Contest, entryId: string) => ({ entryId })

const MATRIX: Matrix = {
  campaign: {
    list: { stage: 'registration', status: 'submitted', payload: () => ({}), allow: ALL },
    get: { stage: 'registration', status: 'submitted', payload: campaignOnly, allow: ALL },
    rules: { stage: 'registration', status: 'submitted', payload: campaignOnly, allow: ALL },
    advanceStage: { stage: 'registration', status: 'submitted', at: (c) => deadlinesFrom(c.base).registration + HOUR, payload: (c) => ({ campaignId: c.campaignId, to: 'preliminary' }), allow: ORGANIZER },
    extendDeadline: { stage: 'registration', status: 'submitted', payload: (c) => ({ campaignId: c.campaignId, stage: 'registration', deadline: deadlinesFrom(c.base).registration + DAY }), allow: ORGANIZER },
    configure: { stage: 'registration', status: 'submitted', payload: (c) => ({ campaignId: c.campaignId, rules: CONTEST_RULES }), allow: ORGANIZER },
    setQuota: { stage: 'preliminary', status: 'submitted', payload: (c) => ({ campaignId: c.campaignId, unitId: c.units.a, quota: 3 }), allow: ORGANIZER },
    auditLog: { stage: 'registration', status: 'submitted', payload: campaignOnly, allow: ORGANIZER }
  },
  entry: {
    register: { stage: 'registration', status: 'draft', payload: (c) => ({ campaignId: c.campaignId, unitId: c.units.a, form: { name: '新报名' } }), allow: CONTESTANTS },
    updateForm: { stage: 'registration', status: 'draft', payload: (_c, entryId) => ({ entryId, form: { title: '新的题目' } }), allow: SPEAKER },
    submitForm: { stage: 'registration', status: 'draft', payload: entryOnly, allow: SPEAKER },
    withdraw: { stage: 'registration', status: 'draft', payload: entryOnly, allow: SPEAKER },
    endorse: { stage: 'registration', status: 'pending', payload: entryOnly, allow: OWN_SECRETARY },
    return: { stage: 'registration', status: 'pending', payload: (_c, entryId) => ({ entryId, reason: '请补充讲稿提纲' }), allow: OWN_SECRETARY },
    saveScript: { stage: 'registration', status: 'endorsed', payload: (_c, entryId) => ({ entryId, text: script() }), allow: SPEAKER },
    reviewScript: {
      stage: 'registration',
      status: 'endorsed',
      prepare: async (db, _c, entryId) => {
        await db.updateTable('entries').set({ script_status: 'review' }).where('id', '=', entryId).execute()
      },
      payload: (_c, entryId) => ({ entryId, decision: 'pass' }),
      allow: ORGANIZER
    },
    attachVideo: {
      stage: 'registration',
      status: 'endorsed',
      prepare: async (db, c) => {
        await storeFile(db, P.speaker(1), `fil_${c.campaignId}_new`, c.base)
      },
      payload: (c, entryId) => ({ entryId, fileId: `fil_${c.campaignId}_new` }),
      allow: SPEAKER
    },
    submit: { stage: 'registration', status: 'endorsed', payload: entryOnly, allow: SPEAKER },
    mine: { stage: 'registration', status: 'submitted', payload: campaignOnly, allow: SIGNED_IN },
    listUnit: { stage: 'registration', status: 'submitted', payload: (c) => ({ campaignId: c.campaignId, unitId: c.units.a }), allow: ['ownSecretary', 'organizer'] },
    listAll: { stage: 'registration', status: 'submitted', payload: campaignOnly, allow: ORGANIZER },
    get: { stage: 'registration', status: 'submitted', payload: entryOnly, allow: ['speaker', 'ownSecretary', 'assignedJudge', 'organizer'] },
    recommend: { stage: 'preliminary', status: 'submitted', payload: entryOnly, allow: OWN_SECRETARY },
    unrecommend: { stage: 'preliminary', status: 'recommended', payload: entryOnly, allow: OWN_SECRETARY }
  },
  judging: {
    assign: { stage: 'semifinal', status: 'recommended', payload: (c, entryId) => ({ campaignId: c.campaignId, roundId: 'semifinal', entryIds: [entryId], judgeOpenids: [P.judge(3)] }), allow: ORGANIZER },
    unassign: { stage: 'semifinal', status: 'recommended', payload: (c, entryId) => ({ campaignId: c.campaignId, roundId: 'semifinal', entryId, judgeOpenid: P.judge(1) }), allow: ORGANIZER },
    judges: { stage: 'semifinal', status: 'recommended', payload: (c) => ({ campaignId: c.campaignId, roundId: 'semifinal' }), allow: ORGANIZER },
    autoAssign: { stage: 'semifinal', status: 'recommended', payload: (c) => ({ campaignId: c.campaignId, roundId: 'semifinal', perEntry: 2 }), allow: ORGANIZER },
    myAssignments: { stage: 'semifinal', status: 'recommended', payload: campaignOnly, allow: SIGNED_IN },
    submitScore: { stage: 'semifinal', status: 'recommended', payload: (_c, entryId) => ({ roundId: 'semifinal', entryId, points: pointsFor(80) }), allow: ['assignedJudge'] },
    reviseScore: {
      stage: 'semifinal',
      status: 'recommended',
      prepare: (db, c, entryId) => judgeSheet(db, c, entryId, 'semifinal'),
      payload: (_c, entryId) => ({ roundId: 'semifinal', entryId, points: pointsFor(85) }),
      allow: ['assignedJudge']
    },
    correctScore: {
      stage: 'published',
      status: 'finalist',
      prepare: (db, c, entryId) => judgeSheet(db, c, entryId, 'final'),
      payload: (_c, entryId) => ({ roundId: 'final', entryId, judgeOpenid: P.judge(1), points: pointsFor(70), reason: '按纸质评分表更正' }),
      allow: ORGANIZER
    },
    sheets: {
      stage: 'semifinal',
      status: 'recommended',
      prepare: (db, c, entryId) => judgeSheet(db, c, entryId, 'semifinal'),
      payload: (_c, entryId) => ({ roundId: 'semifinal', entryId }),
      allow: ['assignedJudge', 'organizer']
    },
    roundScores: { stage: 'semifinal', status: 'recommended', payload: (c) => ({ campaignId: c.campaignId, roundId: 'semifinal' }), allow: ORGANIZER },
    semifinalRanking: { stage: 'semifinal', status: 'recommended', payload: campaignOnly, allow: ORGANIZER },
    selectFinalists: { stage: 'final', status: 'recommended', payload: campaignOnly, allow: ORGANIZER }
  },
  results: {
    preview: { stage: 'final', status: 'finalist', payload: campaignOnly, allow: ORGANIZER },
    publish: { stage: 'published', status: 'finalist', payload: campaignOnly, allow: ORGANIZER },
    get: {
      stage: 'published',
      status: 'finalist',
      prepare: publishEmptySnapshot,
      payload: campaignOnly,
      allow: ALL
    }
  },
  export: {
    entries: { stage: 'preliminary', status: 'submitted', payload: campaignOnly, allow: ORGANIZER },
    results: { stage: 'published', status: 'finalist', prepare: publishEmptySnapshot, payload: campaignOnly, allow: ORGANIZER }
  },
  media: {
    verify: {
      stage: 'registration',
      status: 'endorsed',
      prepare: async (db, c, entryId) => {
        const fileId = await storeFile(db, P.speaker(1), `fil_${c.campaignId}_v`, c.base)
        // Not a video at all: the verification still succeeds, with an 'unreadable' verdict.
        storedBytes.set(fileId, new TextEncoder().encode('not an mp4'))
        await db.updateTable('entries').set({ video_file_id: fileId }).where('id', '=', entryId).execute()
      },
      payload: entryOnly,
      allow: SPEAKER
    },
    registerUpload: {
      stage: 'registration',
      status: 'endorsed',
      prepare: async () => {
        storedBytes.set('cloud://env/videos/talk.mp4', new Uint8Array(16))
      },
      payload: () => ({ storageKey: 'cloud://env/videos/talk.mp4', name: 'talk.mp4' }),
      allow: SIGNED_IN
    }
  },
  vote: {
    cast: { stage: 'final', status: 'finalist', payload: entryOnly, allow: CONTESTANTS },
    mine: { stage: 'final', status: 'finalist', payload: campaignOnly, allow: SIGNED_IN },
    leaderboard: { stage: 'final', status: 'finalist', payload: campaignOnly, allow: ALL }
  }
}

const CASES: Array<[string, Fn, string, Case]> = (Object.keys(MATRIX) as Fn[]).flatMap((fn) =>
  Object.entries(MATRIX[fn] as Record<string, Case>).map(([action, kase]): [string, Fn, string, Case] => [`${fn}.${action}`, fn, action, kase])
)

describe.each(testDatabases())('authorization matrix on $name', (database) => {
  let opened: OpenedDatabase
  beforeAll(async () => {
    opened = await database.open()
  })
  afterAll(() => opened.close())

  it('walks every action × every caller and matches the table', async () => {
    const expected: Record<string, Record<Persona, 'allow' | 'deny'>> = {}
    const observed: Record<string, Record<Persona, 'allow' | 'deny'>> = {}
    const problems: string[] = []

    for (const [name, fn, action, kase] of CASES) {
      const c = await createContest(opened.db, { stage: kase.stage })
      const entryId = await insertEntry(opened.db, c, { id: `ent_${c.campaignId}`, speaker: P.speaker(1), unit: c.units.a, status: kase.status })
      await insertAssignments(opened.db, c, 'semifinal', entryId, [P.judge(1)])
      await insertAssignments(opened.db, c, 'final', entryId, [P.judge(1)])
      await kase.prepare?.(opened.db, c, entryId)
      const deps = contestDeps(opened.db, new TestClock(kase.at?.(c) ?? stageTime(kase.stage, c.base)))
      const payload = kase.payload(c, entryId)

      expected[name] = Object.fromEntries(PERSONAS.map((p) => [p, kase.allow.includes(p) ? 'allow' : 'deny'])) as Record<Persona, 'allow' | 'deny'>
      const seen = {} as Record<Persona, 'allow' | 'deny'>
      // Denied callers first, so their attempts meet the untouched fixture, and must leave it so.
      const denied = PERSONAS.filter((p) => !kase.allow.includes(p))
      const before = await tableCounts(opened.db)
      for (const p of denied) {
        const result = await rawCall(deps, OPENID[p], fn, action, payload)
        const refusal = p === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
        seen[p] = !result.ok && result.code === refusal ? 'deny' : 'allow'
        if (!result.ok && result.code !== refusal) problems.push(`${name} × ${p}: expected ${refusal}, got ${result.code} ${result.message}`)
      }
      if (JSON.stringify(await tableCounts(opened.db)) !== JSON.stringify(before)) problems.push(`${name}: a denied call wrote to the database`)

      let succeeded = 0
      for (const p of kase.allow) {
        const result = await rawCall(deps, OPENID[p], fn, action, payload)
        const refused = !result.ok && (result.code === 'FORBIDDEN' || result.code === 'UNAUTHENTICATED')
        seen[p] = refused ? 'deny' : 'allow'
        if (result.ok) succeeded++
        else if (refused) problems.push(`${name} × ${p}: refused with ${result.code} ${result.message}`)
      }
      if (kase.allow.length > 0 && succeeded === 0) problems.push(`${name}: no allowed caller succeeded`)
      observed[name] = Object.fromEntries(PERSONAS.map((p) => [p, seen[p]])) as Record<Persona, 'allow' | 'deny'>
    }

    expect(observed).toEqual(expected)
    expect(problems).toEqual([])
    expect(CASES.length).toBeGreaterThanOrEqual(40)
  })
})
