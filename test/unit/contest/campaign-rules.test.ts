import { checkRecommendationQuota, defaultCampaignRules, parseCampaignRules, unitQuota, unitRecommendationProgress } from '../../../src/core/contest'

describe('defaultCampaignRules', () => {
  it('are the seeds’ contest', () => {
    expect(defaultCampaignRules.script).toEqual({ maxChars: 2200, maxMinutes: 10, charsPerMinute: 220 })
    expect(defaultCampaignRules.recommendation).toEqual({ defaultQuota: 2, minExpected: 1, quotaByUnit: {} })
    expect(defaultCampaignRules.rounds.map((r) => [r.id, r.stage, r.weight, r.rubric.map((c) => `${c.name}${c.max}`).join(' ')])).toEqual([
      ['semifinal', 'semifinal', 40, '内容40 表达30 形象10 效果20'],
      ['final', 'final', 60, '内容40 表达30 形象10 效果20']
    ])
    expect(defaultCampaignRules.finalists).toEqual({ scope: 'overall', count: 20, countByTrack: {} })
    expect(defaultCampaignRules.awards.tiers).toEqual([
      { name: '一等奖', count: 2 },
      { name: '二等奖', count: 4 },
      { name: '三等奖', count: 6 },
      { name: '优秀奖', count: 8 }
    ])
    expect(defaultCampaignRules.votes).toMatchObject({ enabled: false, perEntryPerDay: 1, dailyCap: 3, countsInFinal: false })
    expect(defaultCampaignRules.video).toBeUndefined()
  })

  it('is frozen, and every parse gets its own copy', () => {
    expect(Object.isFrozen(defaultCampaignRules.awards.tiers)).toBe(true)
    const a = parseCampaignRules({})
    const b = parseCampaignRules({})
    if (!a.ok || !b.ok) throw new Error('default rules must parse')
    a.data.recommendation.quotaByUnit.u1 = 5
    a.data.awards.tiers.push({ name: '特别奖', count: 1 })
    expect(b.data.recommendation.quotaByUnit).toEqual({})
    expect(b.data.awards.tiers).toHaveLength(4)
  })
})

describe('parseCampaignRules', () => {
  it('keeps the defaults beside what a campaign sets, from an object or JSON text', () => {
    const r = parseCampaignRules('{"script":{"maxChars":3000},"finalists":{"scope":"track","count":10},"video":{"width":1920}}')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.script).toEqual({ maxChars: 3000, maxMinutes: 10, charsPerMinute: 220 })
    expect(r.data.finalists).toEqual({ scope: 'track', count: 10, countByTrack: {} })
    expect(r.data.video).toEqual({ width: 1920 })
    expect(parseCampaignRules(null)).toMatchObject({ ok: true })
  })

  it.each([
    ['not json', '{', 'rules', /不是有效的 JSON/],
    ['a too small limit', { script: { maxChars: 50 } }, 'rules.script.maxChars', /^讲稿要求（maxChars）：/],
    ['no final round', { rounds: [{ id: 's', name: '复赛', stage: 'semifinal', weight: 1, rubric: [{ id: 'c', name: '内容', max: 100 }] }] }, 'rules.rounds', /至少需要一个决赛评审轮次/],
    [
      'a final before a semifinal',
      {
        rounds: [
          { id: 'f', name: '决赛', stage: 'final', weight: 1, rubric: [{ id: 'c', name: '内容', max: 100 }] },
          { id: 's', name: '复赛', stage: 'semifinal', weight: 1, rubric: [{ id: 'c', name: '内容', max: 100 }] }
        ]
      },
      'rules.rounds.1.stage',
      /复赛在前/
    ],
    ['a repeated criterion', { rounds: [{ id: 's', name: '复赛', stage: 'semifinal', weight: 1, rubric: [{ id: 'c', name: '内容', max: 50 }, { id: 'c', name: '表达', max: 50 }] }] }, 'rules.rounds.0.rubric.1.id', /重复/],
    ['a repeated award tier', { awards: { tiers: [{ name: '一等奖', count: 1 }, { name: '一等奖', count: 2 }] } }, 'rules.awards.tiers.1.name', /重复/],
    ['votes counted without weight', { votes: { enabled: true, countsInFinal: true } }, 'rules.votes.weight', /权重大于 0/],
    ['two votes per entry per day', { votes: { perEntryPerDay: 2 } }, 'rules.votes.perEntryPerDay', /^观众投票/],
    ['a minimum above the quota', { recommendation: { defaultQuota: 1, minExpected: 2 } }, 'rules.recommendation.minExpected', /不能大于推荐名额/],
    [
      'all weights zero',
      {
        rounds: [
          { id: 's', name: '复赛', stage: 'semifinal', weight: 0, rubric: [{ id: 'c', name: '内容', max: 100 }] },
          { id: 'f', name: '决赛', stage: 'final', weight: 0, rubric: [{ id: 'c', name: '内容', max: 100 }] }
        ]
      },
      'rules.rounds',
      /权重之和须大于 0/
    ]
  ])('refuses %s, naming the field in Chinese', (_, input, field, message) => {
    const r = parseCampaignRules(input)
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST', field })
    if (!r.ok) expect(r.message).toMatch(message)
  })
})

describe('recommendation quota', () => {
  const rules = parseCampaignRules({ recommendation: { quotaByUnit: { big: 3, none: 0 } } })
  if (!rules.ok) throw new Error('rules must parse')

  it('uses the unit’s own quota, else the default of 2', () => {
    expect(unitQuota(rules.data, 'big')).toBe(3)
    expect(unitQuota(rules.data, 'small')).toBe(2)
  })

  it('allows up to the quota and then answers QUOTA_EXCEEDED', () => {
    expect(checkRecommendationQuota(rules.data, 'small', 0)).toEqual({ ok: true, data: { quota: 2, remaining: 1 } })
    expect(checkRecommendationQuota(rules.data, 'small', 1)).toEqual({ ok: true, data: { quota: 2, remaining: 0 } })
    expect(checkRecommendationQuota(rules.data, 'small', 2)).toEqual({
      ok: false,
      code: 'QUOTA_EXCEEDED',
      message: '本单位推荐名额为 2 名，已全部使用；如需更换，请先撤销一个推荐'
    })
    expect(checkRecommendationQuota(rules.data, 'none', 0)).toMatchObject({ ok: false, code: 'QUOTA_EXCEEDED' })
  })

  it('flags a unit below the expected minimum of 1', () => {
    expect(unitRecommendationProgress(rules.data, 'small', 0)).toEqual({ quota: 2, recommended: 0, belowMinimum: true })
    expect(unitRecommendationProgress(rules.data, 'small', 1).belowMinimum).toBe(false)
    expect(unitRecommendationProgress(rules.data, 'none', 0).belowMinimum).toBe(false)
  })
})
