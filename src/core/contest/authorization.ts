import { ACTION_RESOURCE, type Action } from './actions'

export const ROLES = ['speaker', 'secretary', 'judge', 'organizer', 'audience'] as const
export type Role = (typeof ROLES)[number]

/** A role held in one campaign; secretaries and judges belong to a unit. */
export interface RoleGrant {
  readonly role: Role
  readonly unitId?: string
}

/** Who is asking, from the identity port only (never from the request body). */
export interface Actor {
  readonly openid: string
  readonly roles: readonly RoleGrant[]
}

/** The facts about an entry that decide who may touch it. */
export interface EntryAccess {
  readonly entryId: string
  readonly unitId: string
  readonly speakerOpenid: string
  /** Judges assigned to this entry (in the round concerned). */
  readonly judgeOpenids: readonly string[]
  /** Shown to the audience (in a vote window or published). */
  readonly isPublic: boolean
}

export type Resource =
  | { readonly kind: 'campaign' }
  | { readonly kind: 'unit'; readonly unitId: string }
  | { readonly kind: 'entry'; readonly entry: EntryAccess }

export type Decision =
  | { readonly allow: true }
  | { readonly allow: false; readonly code: 'FORBIDDEN' | 'UNAUTHENTICATED'; readonly message: string }

const ALLOW: Decision = { allow: true }
const deny = (message = '您没有权限进行此操作'): Decision => ({ allow: false, code: 'FORBIDDEN', message })
const UNAUTHENTICATED: Decision = { allow: false, code: 'UNAUTHENTICATED', message: '请先登录' }

const holds = (actor: Actor, role: Role): boolean => actor.roles.some((g) => g.role === role)
const secretaryOf = (actor: Actor, unitId: string): boolean =>
  actor.roles.some((g) => g.role === 'secretary' && g.unitId === unitId)
const isSpeakerOf = (actor: Actor, entry: EntryAccess): boolean => actor.openid === entry.speakerOpenid
const judgeOfUnit = (actor: Actor, unitId: string): boolean =>
  actor.roles.some((g) => g.role === 'judge' && g.unitId === unitId)
/** Judges and organizers run the contest, so they neither enter it nor vote in it. */
const staff = (actor: Actor): boolean => holds(actor, 'judge') || holds(actor, 'organizer')

/** Actions anyone may take, logged in or not. */
const PUBLIC_ACTIONS: ReadonlySet<Action> = new Set<Action>(['campaign.view', 'results.view', 'leaderboard.view'])

/** Actions only an organizer takes. */
const ORGANIZER_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'campaign.configure',
  'stage.advance',
  'deadline.extend',
  'quota.set',
  'entry.listAll',
  'judge.assign',
  'ranking.view',
  'finalists.select',
  'results.publish',
  'export.entries',
  'export.results',
  'audit.view'
])

/** Actions only the entry's own speaker takes. */
const SPEAKER_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'registration.update',
  'registration.submit',
  'registration.withdraw',
  'script.save',
  'video.attach',
  'entry.submit'
])

/** Actions only the secretary of the entry's unit takes (never on their own entry). */
const SECRETARY_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'registration.endorse',
  'registration.return',
  'entry.recommend',
  'entry.unrecommend'
])

function decideEntry(actor: Actor, action: Action, entry: EntryAccess): Decision {
  const speaker = isSpeakerOf(actor, entry)
  const secretary = secretaryOf(actor, entry.unitId)
  const organizer = holds(actor, 'organizer')
  const assigned = holds(actor, 'judge') && entry.judgeOpenids.includes(actor.openid)
  const conflicted = judgeOfUnit(actor, entry.unitId) || speaker

  if (SPEAKER_ACTIONS.has(action)) return speaker ? ALLOW : deny('只能操作本人的参赛作品')
  if (SECRETARY_ACTIONS.has(action)) {
    if (speaker) return deny('不能审核或推荐本人的参赛作品')
    return secretary ? ALLOW : deny('只能审核和推荐本单位的参赛作品')
  }
  switch (action) {
    case 'entry.view':
      if (entry.isPublic || speaker || secretary || organizer) return ALLOW
      return assigned && !conflicted ? ALLOW : deny('无权查看该作品')
    case 'entry.viewWithPhone':
      return speaker || secretary || organizer ? ALLOW : deny('无权查看联系电话')
    case 'score.view':
      if (organizer) return ALLOW
      return assigned && !conflicted ? ALLOW : deny('无权查看该作品的评分')
    case 'score.submit':
    case 'score.revise':
      if (!assigned) return deny('您未被分配评审该作品')
      return conflicted ? deny('评委不能评审本单位或本人的作品') : ALLOW
    case 'vote.cast':
      if (staff(actor)) return deny('评委和组织者不能参与观众投票')
      return entry.isPublic ? ALLOW : deny('该作品暂未公开，不能投票')
    default:
      return deny()
  }
}

/**
 * Deny by default: an action is allowed only by a rule below that says so for this actor and this
 * resource. Anonymous callers get the public views and nothing else.
 */
export function authorize(actor: Actor | null, action: Action, resource: Resource): Decision {
  if (ACTION_RESOURCE[action] !== resource.kind) return deny('请求的对象与操作不符')
  const publicEntry = resource.kind === 'entry' && action === 'entry.view' && resource.entry.isPublic
  if (PUBLIC_ACTIONS.has(action) || publicEntry) return ALLOW
  if (actor === null || actor.openid === '') return UNAUTHENTICATED

  if (ORGANIZER_ACTIONS.has(action)) return holds(actor, 'organizer') ? ALLOW : deny('仅活动组织者可以进行此操作')
  switch (resource.kind) {
    case 'campaign':
      if (action === 'registration.create') return staff(actor) ? deny('评委和组织者不能报名参赛') : ALLOW
      return deny()
    case 'unit':
      if (action === 'entry.listUnit' || action === 'unit.nudge') {
        return holds(actor, 'organizer') || secretaryOf(actor, resource.unitId) ? ALLOW : deny('只能查看和督促本单位')
      }
      return deny()
    case 'entry':
      return decideEntry(actor, action, resource.entry)
  }
}

/**
 * May this judge be assigned to this entry? Never a judge from the speaker's unit, nor the speaker.
 * `judge.unitId` is the judge's own unit in this campaign, if they have one.
 */
export function canAssignJudge(judge: { readonly openid: string; readonly unitId?: string }, entry: Pick<EntryAccess, 'unitId' | 'speakerOpenid'>): boolean {
  return judge.openid !== entry.speakerOpenid && (judge.unitId === undefined || judge.unitId !== entry.unitId)
}
