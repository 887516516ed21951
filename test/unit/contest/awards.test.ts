import {
  assignAwards,
  assignAwardTiers,
  DEFAULT_AWARD_TIERS,
  defaultCampaignRules,
  rankOrganizations,
  tallyUnits,
  type AwardGrant,
  type EntryStatus,
  type Standing
} from '../../../src/core/contest'
import { standing } from './helpers'

/** n standings with strictly falling scores, then `tie` applied: positions in `tie` share one score. */
function field(n: number, ties: number[][] = []): Standing[] {
  const scores = Array.from({ length: n }, (_, i) => 10000 - i * 10)
  for (const group of ties) {
    const first = group[0] ?? 1
    for (const p of group) scores[p - 1] = scores[first - 1] ?? 0
  }
  return scores.map((s, i) => standing(i + 1, s))
}

/** Tier name per position, '' for none: the whole outcome at a glance. */
function tiersByPosition(standings: readonly Standing[], grants: readonly AwardGrant[]): string[] {
  const tier = new Map(grants.map((g) => [g.entryId, g.tier]))
  return standings.map((s) => tier.get(s.entryId) ?? '')
}

const run = (tier: string, times: number): string[] => Array.from({ length: times }, () => tier)

describe('assignAwardTiers (一等奖 2, 二等奖 4, 三等奖 6, 优秀奖 8)', () => {
  it('hands out exactly the counts down the ranking when nobody ties', () => {
    const s = field(25)
    expect(tiersByPosition(s, assignAwardTiers(s, DEFAULT_AWARD_TIERS))).toEqual([
      ...run('一等奖', 2),
      ...run('二等奖', 4),
      ...run('三等奖', 6),
      ...run('优秀奖', 8),
      ...run('', 5)
    ])
  })

  it('gives every entry tied at a boundary the higher tier and shrinks the next tier', () => {
    const s = field(25, [[2, 3]])
    expect(tiersByPosition(s, assignAwardTiers(s, DEFAULT_AWARD_TIERS))).toEqual([
      ...run('一等奖', 3),
      ...run('二等奖', 3),
      ...run('三等奖', 6),
      ...run('优秀奖', 8),
      ...run('', 5)
    ])
  })

  it('lets a tie swallow a whole tier: places 2–7 tied → seven 一等奖, no 二等奖', () => {
    const s = field(25, [[2, 3, 4, 5, 6, 7]])
    expect(tiersByPosition(s, assignAwardTiers(s, DEFAULT_AWARD_TIERS))).toEqual([
      ...run('一等奖', 7),
      ...run('三等奖', 5),
      ...run('优秀奖', 8),
      ...run('', 5)
    ])
  })

  it('awards everyone tied at the last boundary, so only then the total grows', () => {
    const s = field(25, [[20, 21, 22]])
    const grants = assignAwardTiers(s, DEFAULT_AWARD_TIERS)
    expect(tiersByPosition(s, grants)).toEqual([...run('一等奖', 2), ...run('二等奖', 4), ...run('三等奖', 6), ...run('优秀奖', 10), ...run('', 3)])
    expect(grants).toHaveLength(22)
  })

  it('does not treat a tie broken by the final-round score as a tie', () => {
    const s = [standing(1, 9000), standing(2, 8800, 9100), standing(3, 8800, 8500), standing(4, 8000)]
    expect(tiersByPosition(s, assignAwardTiers(s, [{ name: '一等奖', count: 2 }, { name: '二等奖', count: 2 }]))).toEqual(['一等奖', '一等奖', '二等奖', '二等奖'])
  })

  it('gives no award to an entry missing a round (absent from the final); the next takes its place', () => {
    const s = [standing(1, 9000), standing(2, 8000, null, { missingRounds: ['final'] }), standing(3, 7000), standing(4, 6000)]
    expect(tiersByPosition(s, assignAwardTiers(s, [{ name: '一等奖', count: 2 }, { name: '二等奖', count: 1 }]))).toEqual(['一等奖', '', '一等奖', '二等奖'])
  })

  it('skips a tier of count 0 and stops when the field runs out', () => {
    const s = field(3)
    expect(tiersByPosition(s, assignAwardTiers(s, [{ name: '特等奖', count: 0 }, ...DEFAULT_AWARD_TIERS]))).toEqual(['一等奖', '一等奖', '二等奖'])
  })

  it('awards per track with a track’s own tiers when the campaign says so', () => {
    const groups = [
      { group: 'tA', standings: field(3).map((s) => ({ ...s, entryId: `a${s.position}`, group: 'tA' })) },
      { group: 'tB', standings: field(3).map((s) => ({ ...s, entryId: `b${s.position}`, group: 'tB' })) }
    ]
    const grants = assignAwards(groups, { scope: 'track', tiers: [{ name: '一等奖', count: 1 }], tiersByTrack: { tB: [{ name: '一等奖', count: 2 }] } })
    expect(grants.map((g) => `${g.entryId}:${g.tier}`)).toEqual(['a1:一等奖', 'b1:一等奖', 'b2:一等奖'])
  })
})

describe('组织奖', () => {
  const entries: { entryId: string; unitId: string; status: EntryStatus }[] = []
  const add = (unitId: string, status: EntryStatus, times: number) => {
    for (let i = 0; i < times; i++) entries.push({ entryId: `${unitId}-${entries.length}`, unitId, status })
  }
  add('U1', 'finalist', 2)
  add('U1', 'submitted', 3)
  add('U1', 'draft', 1)
  add('U1', 'withdrawn', 1)
  add('U2', 'recommended', 1)
  add('U2', 'finalist', 1)
  add('U2', 'submitted', 12)
  add('U3', 'submitted', 5)
  add('U4', 'finalist', 1)
  add('U4', 'recommended', 1)
  add('U4', 'submitted', 3)
  add('U5', 'recommended', 2)
  add('U5', 'submitted', 10)
  const grant = (entryId: string, unitId: string, tier: string): AwardGrant => ({ entryId, unitId, trackId: 't', group: '*', tier, tierIndex: 0, position: 1 })
  const grants = [grant('x1', 'U1', '一等奖'), grant('x2', 'U1', '优秀奖'), grant('x3', 'U2', '二等奖'), grant('x4', 'U4', '三等奖')]

  it('tallies participation, recommendations, finalists and awards per unit', () => {
    expect(tallyUnits(entries, grants).find((t) => t.unitId === 'U1')).toEqual({
      unitId: 'U1',
      participants: 5,
      recommended: 2,
      finalists: 2,
      awardsByTier: { 一等奖: 1, 优秀奖: 1 }
    })
  })

  it('scores units by the documented formula and awards the top count', () => {
    const rules = { ...defaultCampaignRules.organizationAward, count: 2 }
    const ranked = rankOrganizations(tallyUnits(entries, grants), rules)
    // U1: 5 + 3×2 + 5×2 + (10 + 4) = 35; U2: min(14,10) + 6 + 5 + 8 = 29; U4: 5 + 6 + 5 + 6 = 22;
    // U5: min(12,10) + 6 = 16; U3: 5, but it recommended nobody, so it is not eligible.
    expect(ranked.map((o) => [o.unitId, o.points, o.awarded])).toEqual([
      ['U1', 35, true],
      ['U2', 29, true],
      ['U4', 22, false],
      ['U5', 16, false],
      ['U3', 5, false]
    ])
  })

  it('awards every unit tied with the last winner', () => {
    const twin = [...entries.filter((e) => e.unitId === 'U4').map((e) => ({ ...e, entryId: `${e.entryId}-twin`, unitId: 'U6' }))]
    const ranked = rankOrganizations(tallyUnits([...entries, ...twin], [...grants, grant('x5', 'U6', '三等奖')]), { ...defaultCampaignRules.organizationAward, count: 3 })
    expect(ranked.filter((o) => o.awarded).map((o) => o.unitId)).toEqual(['U1', 'U2', 'U4', 'U6'])
  })

  it('does not treat equal points with different award points as a tie', () => {
    // U8: 4 participants + 3×1 + 5×1 + 优秀奖 4 = 16, the same points as U5, but with an award: U8 ranks
    // above U5, and with four winners U8 wins while U5 does not.
    const u8: { entryId: string; unitId: string; status: EntryStatus }[] = [
      { entryId: 'u8-f', unitId: 'U8', status: 'finalist' },
      ...Array.from({ length: 3 }, (_, i) => ({ entryId: `u8-${i}`, unitId: 'U8', status: 'submitted' as EntryStatus }))
    ]
    const ranked = rankOrganizations(tallyUnits([...entries, ...u8], [...grants, grant('u8-f', 'U8', '优秀奖')]), { ...defaultCampaignRules.organizationAward, count: 4 })
    expect(ranked.map((o) => [o.unitId, o.points, o.awardPoints, o.awarded])).toEqual([
      ['U1', 35, 14, true],
      ['U2', 29, 8, true],
      ['U4', 22, 6, true],
      ['U8', 16, 4, true],
      ['U5', 16, 0, false],
      ['U3', 5, 0, false]
    ])
  })
})
