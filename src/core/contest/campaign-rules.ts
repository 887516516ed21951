import { z } from 'zod'
import zhCNLocale from 'zod/v4/locales/zh-CN.js'
import { ErrorCode, ok, type Result } from '../errors'
import { fail } from './fail'

/**
 * Everything a campaign configures, with the seeds' values as defaults: an organizer who sends `{}`
 * gets the contest of the notices (2200 字 / 10 分钟, 推荐 1–2 名, 20 名进入决赛, 一等奖 2 …).
 */

const id = z.string().trim().min(1).max(64)

export const CriterionSchema = z.object({
  id,
  name: z.string().trim().min(1).max(20),
  /** Whole points; a judge may give up to two decimals within it. */
  max: z.number().int().positive().max(1000)
})
export type Criterion = z.infer<typeof CriterionSchema>

export const DEFAULT_RUBRIC: readonly Criterion[] = [
  { id: 'content', name: '内容', max: 40 },
  { id: 'delivery', name: '表达', max: 30 },
  { id: 'image', name: '形象', max: 10 },
  { id: 'effect', name: '效果', max: 20 }
]

/** Rounds are judged in the semifinal (expert review of script and video) or at the live final. */
export const JUDGED_STAGES = ['semifinal', 'final'] as const
export type JudgedStage = (typeof JUDGED_STAGES)[number]

export const RoundSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(30),
    stage: z.enum(JUDGED_STAGES),
    /** Relative weight in the final score; weights need not sum to 100 (they are normalised). */
    weight: z.number().int().min(0).max(100),
    rubric: z.array(CriterionSchema).min(1).max(12)
  })
  .superRefine((round, ctx) => {
    const seen = new Set<string>()
    round.rubric.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['rubric', i, 'id'], message: `评分项「${c.id}」重复` })
      seen.add(c.id)
    })
  })
export type Round = z.infer<typeof RoundSchema>

export const DEFAULT_ROUNDS: readonly Round[] = [
  { id: 'semifinal', name: '复赛评审', stage: 'semifinal', weight: 40, rubric: [...DEFAULT_RUBRIC] },
  { id: 'final', name: '决赛现场', stage: 'final', weight: 60, rubric: [...DEFAULT_RUBRIC] }
]

export const RANKING_SCOPES = ['overall', 'track'] as const
export type RankingScope = (typeof RANKING_SCOPES)[number]

export const AwardTierSchema = z.object({
  name: z.string().trim().min(1).max(20),
  count: z.number().int().min(0).max(1000)
})
export type AwardTier = z.infer<typeof AwardTierSchema>

export const DEFAULT_AWARD_TIERS: readonly AwardTier[] = [
  { name: '一等奖', count: 2 },
  { name: '二等奖', count: 4 },
  { name: '三等奖', count: 6 },
  { name: '优秀奖', count: 8 }
]

const tierList = z
  .array(AwardTierSchema)
  .max(10)
  .superRefine((tiers, ctx) => {
    const seen = new Set<string>()
    tiers.forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `奖项「${t.name}」重复` })
      seen.add(t.name)
    })
  })

export const VoteWindowSchema = z
  .object({
    stage: z.enum(JUDGED_STAGES),
    /** Optional narrower window inside the stage, epoch ms; by default the whole stage. */
    opensAt: z.number().int().optional(),
    closesAt: z.number().int().optional()
  })
  .refine((w) => w.opensAt === undefined || w.closesAt === undefined || w.opensAt < w.closesAt, {
    message: '投票开始时间须早于结束时间',
    path: ['closesAt']
  })
export type VoteWindow = z.infer<typeof VoteWindowSchema>

const ScriptRulesSchema = z.object({
  maxChars: z.number().int().min(100).max(20000).default(2200),
  maxMinutes: z.number().int().min(1).max(60).default(10),
  charsPerMinute: z.number().int().min(60).max(600).default(220)
})

const RecommendationRulesSchema = z.object({
  /** Entries a unit may recommend to the semifinal ("推荐 1–2 名"). */
  defaultQuota: z.number().int().min(1).max(100).default(2),
  /** Fewer than this is allowed but flagged, so the organizer can nudge the unit. */
  minExpected: z.number().int().min(0).max(100).default(1),
  quotaByUnit: z.record(z.string(), z.number().int().min(0).max(100)).default(() => ({}))
})

const FinalistRulesSchema = z.object({
  scope: z.enum(RANKING_SCOPES).default('overall'),
  count: z.number().int().min(1).max(1000).default(20),
  /** With scope `track`: a track's own count, else `count`. */
  countByTrack: z.record(z.string(), z.number().int().min(0).max(1000)).default(() => ({}))
})

const VoteRulesSchema = z.object({
  enabled: z.boolean().default(false),
  /** Fixed at 1: the database's unique key (voter, entry, day) is what enforces it. */
  perEntryPerDay: z.literal(1).default(1),
  dailyCap: z.number().int().min(1).max(50).default(3),
  windows: z.array(VoteWindowSchema).max(4).default(() => [{ stage: 'final' as const }]),
  countsInFinal: z.boolean().default(false),
  weight: z.number().int().min(0).max(100).default(0)
})

const AwardRulesSchema = z.object({
  scope: z.enum(RANKING_SCOPES).default('overall'),
  tiers: tierList.default(() => DEFAULT_AWARD_TIERS.map((t) => ({ ...t }))),
  /** With scope `track`: a track's own tiers, else `tiers`. */
  tiersByTrack: z.record(z.string(), tierList).default(() => ({}))
})

const OrganizationAwardRulesSchema = z.object({
  count: z.number().int().min(0).max(1000).default(5),
  /** Participation counts up to this many entries, so a big unit cannot win on headcount alone. */
  participationCap: z.number().int().min(0).max(1000).default(10),
  points: z
    .object({
      participant: z.number().int().min(0).max(100).default(1),
      recommended: z.number().int().min(0).max(100).default(3),
      finalist: z.number().int().min(0).max(100).default(5),
      tiers: z
        .record(z.string(), z.number().int().min(0).max(100))
        .default(() => ({ 一等奖: 10, 二等奖: 8, 三等奖: 6, 优秀奖: 4 }))
    })
    .prefault({})
})

export const CampaignRulesSchema = z
  .object({
    script: ScriptRulesSchema.prefault({}),
    recommendation: RecommendationRulesSchema.prefault({}),
    rounds: z
      .array(RoundSchema)
      .max(8)
      .default(() => DEFAULT_ROUNDS.map((r) => ({ ...r, rubric: r.rubric.map((c) => ({ ...c })) }))),
    finalists: FinalistRulesSchema.prefault({}),
    votes: VoteRulesSchema.prefault({}),
    awards: AwardRulesSchema.prefault({}),
    organizationAward: OrganizationAwardRulesSchema.prefault({}),
    /** The VideoSpec; validated by src/core/video, kept opaque here so the two modules stay apart. */
    video: z.unknown().optional()
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>()
    let lastStage = 0
    rules.rounds.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rounds', i, 'id'], message: `评审轮次「${r.id}」重复` })
      ids.add(r.id)
      const s = JUDGED_STAGES.indexOf(r.stage)
      if (s < lastStage) {
        ctx.addIssue({ code: 'custom', path: ['rounds', i, 'stage'], message: '评审轮次须按阶段排列：复赛在前，决赛在后' })
      }
      lastStage = Math.max(lastStage, s)
    })
    for (const stage of JUDGED_STAGES) {
      if (!rules.rounds.some((r) => r.stage === stage)) {
        ctx.addIssue({ code: 'custom', path: ['rounds'], message: `至少需要一个${stage === 'semifinal' ? '复赛' : '决赛'}评审轮次` })
      }
    }
    const voteWeight = rules.votes.countsInFinal ? rules.votes.weight : 0
    if (rules.rounds.reduce((s, r) => s + r.weight, 0) + voteWeight <= 0) {
      ctx.addIssue({ code: 'custom', path: ['rounds'], message: '各轮次与观众投票的权重之和须大于 0' })
    }
    if (rules.votes.countsInFinal && (!rules.votes.enabled || rules.votes.weight <= 0)) {
      ctx.addIssue({ code: 'custom', path: ['votes', 'weight'], message: '观众投票计入总分时，须开启投票且权重大于 0' })
    }
    if (rules.recommendation.minExpected > rules.recommendation.defaultQuota) {
      ctx.addIssue({ code: 'custom', path: ['recommendation', 'minExpected'], message: '最少推荐数不能大于推荐名额' })
    }
  })

export type CampaignRules = z.infer<typeof CampaignRulesSchema>
export type CampaignRulesInput = z.input<typeof CampaignRulesSchema>

const SECTION_LABEL: Readonly<Record<string, string>> = {
  script: '讲稿要求',
  recommendation: '推荐名额',
  rounds: '评审轮次',
  finalists: '决赛入围',
  votes: '观众投票',
  awards: '奖项设置',
  organizationAward: '组织奖',
  video: '视频要求'
}

const zhCN = zhCNLocale()

/** Parses stored or submitted rules (an object or its JSON text), filling every default. */
export function parseCampaignRules(json: unknown): Result<CampaignRules> {
  let input: unknown = json
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json)
    } catch {
      return fail(ErrorCode.BAD_REQUEST, '活动规则不是有效的 JSON', 'rules')
    }
  }
  const parsed = CampaignRulesSchema.safeParse(input ?? {}, { error: zhCN.localeError })
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const path = issue?.path.map(String) ?? []
  const label = SECTION_LABEL[path[0] ?? ''] ?? '活动规则'
  const where = path.length > 1 ? `（${path.slice(1).join('.')}）` : ''
  return fail(ErrorCode.BAD_REQUEST, `${label}${where}：${issue?.message ?? '格式不正确'}`, ['rules', ...path].join('.'))
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** The rules of a campaign that configures nothing: the seeds' contest. Frozen, as it is shared. */
export const defaultCampaignRules: CampaignRules = deepFreeze(CampaignRulesSchema.parse({}))

/** The rounds judged in a stage, in campaign order. */
export function roundsOfStage(rules: CampaignRules, stage: JudgedStage): readonly Round[] {
  return rules.rounds.filter((r) => r.stage === stage)
}

export function findRound(rules: CampaignRules, roundId: string): Round | undefined {
  return rules.rounds.find((r) => r.id === roundId)
}
