import {
  ACTION_RESOURCE,
  ACTIONS,
  authorize,
  canAssignJudge,
  entryVisibility,
  viewEntry,
  type Action,
  type Actor,
  type EntryAccess,
  type EntryRecord,
  type Resource
} from '../../../src/core/contest'

const ENTRY: EntryAccess = { entryId: 'e1', unitId: 'u1', speakerOpenid: 'o-speaker', judgeOpenids: ['o-judge-a'], isPublic: false }

const ACTORS = {
  speaker: { openid: 'o-speaker', roles: [{ role: 'speaker', unitId: 'u1' }] },
  secretaryOwn: { openid: 'o-sec-1', roles: [{ role: 'secretary', unitId: 'u1' }] },
  secretaryOther: { openid: 'o-sec-2', roles: [{ role: 'secretary', unitId: 'u2' }] },
  judgeAssigned: { openid: 'o-judge-a', roles: [{ role: 'judge', unitId: 'u3' }] },
  judgeUnassigned: { openid: 'o-judge-b', roles: [{ role: 'judge', unitId: 'u3' }] },
  organizer: { openid: 'o-org', roles: [{ role: 'organizer' }] },
  audience: { openid: 'o-aud', roles: [{ role: 'audience' }] },
  anonymous: null
} satisfies Record<string, Actor | null>
type Who = keyof typeof ACTORS
const WHO = Object.keys(ACTORS) as Who[]

/**
 * Expected decisions, one letter per actor in the order
 *   speaker · secretary of the unit · secretary of another unit · judge assigned · judge unassigned ·
 *   organizer · audience · anonymous
 * Y allow, F FORBIDDEN, U UNAUTHENTICATED. The entry is not public; unit actions concern u1.
 */
const EXPECTED: Record<Action, string> = {
  'campaign.view': 'YYYYYYYY',
  'campaign.configure': 'FFFFFYFU',
  'stage.advance': 'FFFFFYFU',
  'deadline.extend': 'FFFFFYFU',
  'quota.set': 'FFFFFYFU',
  'registration.create': 'YYYFFFYU',
  'registration.update': 'YFFFFFFU',
  'registration.submit': 'YFFFFFFU',
  'registration.withdraw': 'YFFFFFFU',
  'registration.endorse': 'FYFFFFFU',
  'registration.return': 'FYFFFFFU',
  'script.save': 'YFFFFFFU',
  'video.attach': 'YFFFFFFU',
  'entry.submit': 'YFFFFFFU',
  'entry.view': 'YYFYFYFU',
  'entry.viewWithPhone': 'YYFFFYFU',
  'entry.listUnit': 'FYFFFYFU',
  'entry.listAll': 'FFFFFYFU',
  'entry.recommend': 'FYFFFFFU',
  'entry.unrecommend': 'FYFFFFFU',
  'unit.nudge': 'FYFFFYFU',
  'judge.assign': 'FFFFFYFU',
  'score.view': 'FFFYFYFU',
  'score.submit': 'FFFYFFFU',
  'score.revise': 'FFFYFFFU',
  'ranking.view': 'FFFFFYFU',
  'finalists.select': 'FFFFFYFU',
  'results.publish': 'FFFFFYFU',
  'results.view': 'YYYYYYYY',
  'vote.cast': 'FFFFFFFU',
  'leaderboard.view': 'YYYYYYYY',
  'export.entries': 'FFFFFYFU',
  'export.results': 'FFFFFYFU',
  'audit.view': 'FFFFFYFU'
}

/** Only what changes once the entry is public (in a vote window or published). */
const EXPECTED_PUBLIC: Partial<Record<Action, string>> = {
  'entry.view': 'YYYYYYYY',
  'vote.cast': 'YYYFFFYU'
}

function resourceFor(action: Action, entry: EntryAccess): Resource {
  switch (ACTION_RESOURCE[action]) {
    case 'campaign':
      return { kind: 'campaign' }
    case 'unit':
      return { kind: 'unit', unitId: 'u1' }
    case 'entry':
      return { kind: 'entry', entry }
  }
}

const letter = (action: Action, who: Who, entry: EntryAccess): string => {
  const d = authorize(ACTORS[who], action, resourceFor(action, entry))
  if (d.allow) return 'Y'
  expect(d.message).toMatch(/[\u4e00-\u9fff]/)
  return d.code === 'UNAUTHENTICATED' ? 'U' : 'F'
}

describe('authorization matrix: every action × every role', () => {
  it('has an expectation for exactly the actions the functions expose', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  it.each(ACTIONS)('%s, private entry', (action) => {
    expect(WHO.map((who) => letter(action, who, ENTRY)).join('')).toBe(EXPECTED[action])
  })

  it.each(ACTIONS)('%s, public entry', (action) => {
    const expected = EXPECTED_PUBLIC[action] ?? EXPECTED[action]
    expect(WHO.map((who) => letter(action, who, { ...ENTRY, isPublic: true })).join('')).toBe(expected)
  })
})

describe('authorization: conflicts of interest and deny by default', () => {
  it('never lets a judge score or see an entry of their own unit, even when assigned', () => {
    const judge: Actor = { openid: 'o-judge-a', roles: [{ role: 'judge', unitId: 'u1' }] }
    for (const action of ['score.submit', 'score.revise', 'score.view', 'entry.view'] as const) {
      expect(authorize(judge, action, { kind: 'entry', entry: ENTRY })).toMatchObject({ allow: false, code: 'FORBIDDEN' })
    }
  })

  it('never lets a secretary endorse or recommend their own entry', () => {
    const secretarySpeaker: Actor = { openid: 'o-speaker', roles: [{ role: 'secretary', unitId: 'u1' }] }
    for (const action of ['registration.endorse', 'registration.return', 'entry.recommend', 'entry.unrecommend'] as const) {
      expect(authorize(secretarySpeaker, action, { kind: 'entry', entry: ENTRY })).toEqual({ allow: false, code: 'FORBIDDEN', message: '不能审核或推荐本人的参赛作品' })
    }
  })

  it('treats an empty openid as anonymous', () => {
    expect(authorize({ openid: '', roles: [{ role: 'organizer' }] }, 'results.publish', { kind: 'campaign' })).toMatchObject({ allow: false, code: 'UNAUTHENTICATED' })
  })

  it('denies an action given the wrong kind of resource, and an unknown action', () => {
    expect(authorize(ACTORS.organizer, 'score.submit', { kind: 'campaign' })).toMatchObject({ allow: false, code: 'FORBIDDEN' })
    expect(authorize(ACTORS.organizer, 'entry.listUnit', { kind: 'campaign' })).toMatchObject({ allow: false, code: 'FORBIDDEN' })
    expect(authorize(ACTORS.organizer, 'drop.tables' as Action, { kind: 'campaign' })).toMatchObject({ allow: false, code: 'FORBIDDEN' })
  })

  it('assigns judges only outside the speaker’s unit', () => {
    expect(canAssignJudge({ openid: 'j', unitId: 'u3' }, ENTRY)).toBe(true)
    expect(canAssignJudge({ openid: 'j' }, ENTRY)).toBe(true)
    expect(canAssignJudge({ openid: 'j', unitId: 'u1' }, ENTRY)).toBe(false)
    expect(canAssignJudge({ openid: 'o-speaker', unitId: 'u9' }, ENTRY)).toBe(false)
  })
})

describe('field visibility', () => {
  const record: EntryRecord = {
    id: 'e1',
    unitId: 'u1',
    speakerOpenid: 'o-speaker',
    status: 'finalist',
    submittedAt: 1,
    form: {
      name: '李明',
      gender: '男',
      politicalStatus: '中共党员',
      workplace: '某街道办事处 科员',
      education: '大学本科',
      phone: '13800138000',
      title: '把初心写在大地上',
      summary: '讲述驻村第一书记的故事',
      trackId: 't1',
      topicId: 'p1'
    }
  }

  it('shows the phone only to the speaker, their secretary and organizers', () => {
    const visibility = WHO.map((who) => entryVisibility(ACTORS[who], { ...ENTRY, isPublic: true }))
    expect(visibility).toEqual(['withPhone', 'withPhone', 'public', 'withoutPhone', 'public', 'withPhone', 'public', 'public'])
    expect(entryVisibility(ACTORS.audience, ENTRY)).toBeNull()
  })

  it('cuts an entry to public fields for the audience', () => {
    expect(viewEntry(ACTORS.audience, record, { ...ENTRY, isPublic: true })).toEqual({
      visibility: 'public',
      entry: { id: 'e1', unitId: 'u1', trackId: 't1', topicId: 'p1', title: '把初心写在大地上', speakerName: '李明', summary: '讲述驻村第一书记的故事' }
    })
    expect(viewEntry(null, record, ENTRY)).toBeNull()
  })

  it('drops the phone and the openid for an assigned judge', () => {
    const view = viewEntry(ACTORS.judgeAssigned, record, ENTRY)
    expect(view?.visibility).toBe('withoutPhone')
    expect(JSON.stringify(view)).not.toContain('13800138000')
    expect(JSON.stringify(view)).not.toContain('o-speaker')
    expect(view?.entry).toMatchObject({ id: 'e1', status: 'finalist', form: { name: '李明', politicalStatus: '中共党员' } })
  })

  it('keeps everything for the secretary', () => {
    expect(viewEntry(ACTORS.secretaryOwn, record, ENTRY)).toEqual({ visibility: 'withPhone', entry: record })
  })
})
