import { z } from 'zod'
import type { EntryView, FinalistSelection, RankingGroup, Round } from '../contest'
import type { EntryDetail } from './entry'

const id = (what: string) => z.string({ error: `请指定${what}` }).trim().min(1, `请指定${what}`).max(40, `${what}编号过长`)
const openid = z.string({ error: '请指定评委' }).trim().min(1, '请指定评委').max(64, '评委编号过长')
const roundId = z.string({ error: '请指定评审轮次' }).trim().min(1, '请指定评审轮次').max(32, '评审轮次编号过长')
/** Points per criterion id, as the judge typed them (≤ 2 decimals); the rubric check is the service's. */
const points = z.record(z.string().max(32), z.number({ error: '得分须为数字' }), { error: '请填写各项得分' })

/** The organizer assigns judges to entries of a round, all or nothing. */
export const JudgingAssignInput = z
  .object({
    campaignId: id('活动'),
    roundId,
    entryIds: z.array(id('参赛作品')).min(1, '请选择作品').max(200, '一次最多分配 200 件作品'),
    judgeOpenids: z.array(openid).min(1, '请选择评委').max(30, '一次最多分配 30 位评委')
  })
  .strict()
export type JudgingAssignInput = z.input<typeof JudgingAssignInput>

export const JudgingUnassignInput = z.object({ campaignId: id('活动'), roundId, entryId: id('参赛作品'), judgeOpenid: openid }).strict()
export type JudgingUnassignInput = z.input<typeof JudgingUnassignInput>

export const JudgingMyAssignmentsInput = z.object({ campaignId: id('活动'), roundId: roundId.optional() }).strict()
export type JudgingMyAssignmentsInput = z.input<typeof JudgingMyAssignmentsInput>

/** submitScore (once per entry and round) and reviseScore (until the round closes). */
export const JudgingScoreInput = z.object({ roundId, entryId: id('参赛作品'), points, comment: z.string().trim().max(500, '评语不能超过 500 个字').optional() }).strict()
export type JudgingScoreInput = z.input<typeof JudgingScoreInput>

/** The organizer corrects a stored sheet after its round has closed; the reason goes to the audit log. */
export const JudgingCorrectScoreInput = z
  .object({
    roundId,
    entryId: id('参赛作品'),
    judgeOpenid: openid,
    points,
    reason: z.string({ error: '请填写更正理由' }).trim().min(2, '请填写更正理由（至少 2 个字）').max(200, '更正理由不能超过 200 个字')
  })
  .strict()
export type JudgingCorrectScoreInput = z.input<typeof JudgingCorrectScoreInput>

export const JudgingSheetsInput = z.object({ roundId, entryId: id('参赛作品') }).strict()
export type JudgingSheetsInput = z.input<typeof JudgingSheetsInput>

export const JudgingRoundInput = z.object({ campaignId: id('活动'), roundId }).strict()
export type JudgingRoundInput = z.input<typeof JudgingRoundInput>

export const JudgingCampaignInput = z.object({ campaignId: id('活动') }).strict()
export type JudgingCampaignInput = z.input<typeof JudgingCampaignInput>

/** The organizer's view of a round's judges, to assign them from the phone. */
export const JudgingJudgesInput = z.object({ campaignId: id('活动'), roundId }).strict()
export type JudgingJudgesInput = z.input<typeof JudgingJudgesInput>

/**
 * The organizer gives every entry of a round `perEntry` judges: existing assignments are kept, judges
 * of the speaker's unit are skipped, the least loaded judges go first. All entries or none.
 */
export const JudgingAutoAssignInput = z
  .object({
    campaignId: id('活动'),
    roundId,
    perEntry: z
      .number({ error: '请填写每件作品的评委人数' })
      .int('每件作品的评委人数须为整数')
      .min(1, '每件作品至少分配 1 位评委')
      .max(30, '每件作品最多分配 30 位评委')
  })
  .strict()
export type JudgingAutoAssignInput = z.input<typeof JudgingAutoAssignInput>

export interface RoundInfo {
  id: string
  name: string
  stage: Round['stage']
  rubric: Round['rubric']
  /** Whether judges may score now (the campaign is in the round's stage and before its deadline). */
  open: boolean
  deadlineAt: number
}

/** One judge's sheet: points as typed, the total in hundredths. */
export interface Sheet {
  judgeOpenid: string
  judgeName: string | null
  points: Record<string, number>
  total: number
  comment: string | null
  createdAt: number
  updatedAt: number
}

export interface Assignment {
  round: RoundInfo
  /** The entry without the speaker's phone. */
  entry: EntryView<EntryDetail>
  mySheet: Sheet | null
}

export interface AssignResult {
  roundId: string
  /** Pairs newly assigned; pairs already assigned are left as they were. */
  added: Array<{ entryId: string; judgeOpenid: string }>
}

export interface SheetSaved {
  roundId: string
  entryId: string
  sheet: Sheet
}

export interface EntryRoundScore {
  entryId: string
  title: string
  unitId: string
  trackId: string
  assignedJudges: string[]
  scoredJudges: string[]
  /** Hundredths; null until a judge has scored. Drop highest and lowest from 5 judges on. */
  score: number | null
  judgeCount: number
  trimmed: boolean
}

export interface RoundScores {
  round: RoundInfo
  entries: EntryRoundScore[]
}

export interface SemifinalRanking {
  ranking: RankingGroup[]
  /** The top N per group that `selectFinalists` would send to the final. */
  finalists: FinalistSelection[]
}

export interface FinalistsSelected extends SemifinalRanking {
  /** Entries moved to `finalist` by this call (already-selected ones are not repeated). */
  promoted: string[]
}

/** A judge of the campaign with their load in one round. */
export interface JudgeLoad {
  openid: string
  name: string
  /** Professional title, if recorded. */
  title: string | null
  /** The judge's own unit: they never judge its entries. */
  unit: { id: string; name: string } | null
  /** Entries assigned to them in the round. */
  assigned: number
}

export interface RoundJudges {
  round: RoundInfo
  /** Entries in the running for the round (semifinal: recommended, final: finalists). */
  entryCount: number
  judges: JudgeLoad[]
}

export interface AutoAssignResult extends AssignResult {
  /** Entries in the running for the round, each of which now has at least `perEntry` judges. */
  entryCount: number
  /** Every judge's load after the call. */
  judges: JudgeLoad[]
}
