import type { Stage } from './stage'

/**
 * Every action the contest functions expose, with the kind of resource it acts on. The phone and the
 * cloud share this list; `authorize` decides each one, and anything not decided is denied.
 */
export const ACTION_RESOURCE = {
  'campaign.view': 'campaign',
  'campaign.configure': 'campaign',
  'stage.advance': 'campaign',
  'deadline.extend': 'campaign',
  'quota.set': 'unit',
  'registration.create': 'campaign',
  'registration.update': 'entry',
  'registration.submit': 'entry',
  'registration.withdraw': 'entry',
  'registration.endorse': 'entry',
  'registration.return': 'entry',
  'script.save': 'entry',
  'video.attach': 'entry',
  'entry.submit': 'entry',
  'entry.view': 'entry',
  'entry.viewWithPhone': 'entry',
  'entry.listUnit': 'unit',
  'entry.listAll': 'campaign',
  'entry.recommend': 'entry',
  'entry.unrecommend': 'entry',
  'unit.nudge': 'unit',
  'judge.assign': 'entry',
  'score.view': 'entry',
  'score.submit': 'entry',
  'score.revise': 'entry',
  'ranking.view': 'campaign',
  'finalists.select': 'campaign',
  'results.publish': 'campaign',
  'results.view': 'campaign',
  'vote.cast': 'entry',
  'leaderboard.view': 'campaign',
  'export.entries': 'campaign',
  'export.results': 'campaign',
  'audit.view': 'campaign'
} as const satisfies Record<string, 'campaign' | 'unit' | 'entry'>

export type Action = keyof typeof ACTION_RESOURCE
export type ResourceKind = (typeof ACTION_RESOURCE)[Action]

export const ACTIONS = Object.keys(ACTION_RESOURCE) as Action[]

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACTION_RESOURCE, value)
}

/**
 * The stage an action belongs to, for those fixed by the stage machine (check with `checkStageOpen`).
 * Scoring follows its round's stage and voting its window, so they are not listed here.
 */
export const ACTION_STAGE: Readonly<Partial<Record<Action, Stage>>> = {
  'registration.create': 'registration',
  'registration.update': 'registration',
  'registration.submit': 'registration',
  'registration.withdraw': 'registration',
  'registration.endorse': 'registration',
  'registration.return': 'registration',
  'script.save': 'registration',
  'video.attach': 'registration',
  'entry.submit': 'registration',
  'entry.recommend': 'preliminary',
  'entry.unrecommend': 'preliminary',
  /** After the semifinal deadline, once the organizer has moved the campaign to the final. */
  'finalists.select': 'final',
  /** Publishing and republishing the frozen snapshot, once the campaign is in `published`. */
  'results.publish': 'published'
}
