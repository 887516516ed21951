import { buildResults, computeAllRoundScores, defaultCampaignRules, parseCampaignRules, rankSemifinal, selectFinalists, type RoundSheet } from '../../../src/core/contest'
import { entry, splitTotal } from './helpers'

const parsed = parseCampaignRules({
  finalists: { scope: 'track', count: 2, countByTrack: { tB: 1 } },
  votes: { enabled: true, countsInFinal: true, weight: 20 },
  awards: { tiers: [{ name: '一等奖', count: 1 }, { name: '二等奖', count: 1 }, { name: '三等奖', count: 1 }] },
  organizationAward: { count: 2 }
})
if (!parsed.ok) throw new Error(parsed.message)
const rules = parsed.data

const sheets = (roundId: string, entryId: string, totals: number[]): RoundSheet[] =>
  totals.map((t, j) => ({ roundId, entryId, judgeOpenid: `j${j}`, points: splitTotal(t) }))

const ENTRIES = [entry('a1', 1, 'tA', 'uA'), entry('a2', 2, 'tA', 'uA'), entry('a3', 3, 'tA', 'uB'), entry('b1', 4, 'tB', 'uB'), entry('b2', 5, 'tB', 'uC')]
const SEMIFINAL = [
  ...sheets('semifinal', 'a1', [95, 90, 88, 86, 70]), // 5 judges: drop 95 and 70 → 88.00
  ...sheets('semifinal', 'a2', [90, 80, 85, 85]), // 4 judges: mean 85.00
  ...sheets('semifinal', 'a3', [80, 84]), // 82.00
  ...sheets('semifinal', 'b1', [70, 75, 80]), // 75.00
  ...sheets('semifinal', 'b2', [88]) // one judge so far: 88.00
]

describe('semifinal → finalists', () => {
  it('ranks each track on the semifinal round and takes each track’s top N', () => {
    const groups = rankSemifinal(rules, { entries: ENTRIES, sheets: SEMIFINAL })
    expect(groups.ok).toBe(true)
    if (!groups.ok) return
    expect(groups.data.map((g) => [g.group, g.standings.map((s) => [s.entryId, s.finalScore])])).toEqual([
      ['tA', [['a1', 8800], ['a2', 8500], ['a3', 8200]]],
      ['tB', [['b2', 8800], ['b1', 7500]]]
    ])
    expect(selectFinalists(groups.data, rules.finalists)).toEqual([
      { group: 'tA', entryIds: ['a1', 'a2'] },
      { group: 'tB', entryIds: ['b2'] }
    ])
  })

  it('takes exactly N at a tie, by the full tie-break (earlier submission wins the last place)', () => {
    const tied = [...sheets('semifinal', 'x', [80]), ...sheets('semifinal', 'y', [80]), ...sheets('semifinal', 'z', [90])]
    const groups = rankSemifinal(defaultCampaignRules, { entries: [entry('y', 7), entry('x', 9), entry('z', 8)], sheets: tied })
    if (!groups.ok) throw new Error(groups.message)
    expect(selectFinalists(groups.data, { ...defaultCampaignRules.finalists, count: 2 })).toEqual([{ group: '*', entryIds: ['z', 'y'] }])
  })

  it('refuses sheets for a round the campaign does not have', () => {
    expect(computeAllRoundScores(rules, sheets('video', 'a1', [80]))).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
  })
})

describe('buildResults', () => {
  const FINAL = [...sheets('final', 'a1', [80, 90]), ...sheets('final', 'a2', [92]), ...sheets('final', 'b2', [86, 87, 88, 89, 90])]
  const finalists = ENTRIES.filter((e) => ['a1', 'a2', 'b2'].includes(e.entryId))
  const result = buildResults(rules, {
    entries: finalists,
    sheets: [...SEMIFINAL, ...FINAL],
    votes: new Map([['a1', 10], ['a2', 40], ['b2', 20]]),
    allEntries: [
      { entryId: 'a1', unitId: 'uA', status: 'finalist' },
      { entryId: 'a2', unitId: 'uA', status: 'finalist' },
      { entryId: 'a3', unitId: 'uB', status: 'recommended' },
      { entryId: 'b1', unitId: 'uB', status: 'recommended' },
      { entryId: 'b2', unitId: 'uC', status: 'finalist' },
      { entryId: 'c1', unitId: 'uC', status: 'submitted' }
    ]
  })
  if (!result.ok) throw new Error(result.message)

  it('weights semifinal 40, final 60 and votes 20 (normalised to the best) over 120', () => {
    // a2: (40×85 + 60×92 + 20×100) / 120 = 91.00; b2: (40×88 + 60×88 + 20×50) / 120 = 81.666… → 81.67;
    // a1: (40×88 + 60×85 + 20×25) / 120 = 76.00
    expect(result.data.ranking.map((g) => g.standings.map((s) => [s.entryId, s.finalScore, s.voteScore]))).toEqual([
      [
        ['a2', 9100, 10000],
        ['b2', 8167, 5000],
        ['a1', 7600, 2500]
      ]
    ])
  })

  it('awards down the overall ranking', () => {
    expect(result.data.awards.map((a) => `${a.entryId}:${a.tier}`)).toEqual(['a2:一等奖', 'b2:二等奖', 'a1:三等奖'])
  })

  it('gives 组织奖 to the top two units', () => {
    // uA: 2 + 3×2 + 5×2 + 10 + 6 = 34; uC: 2 + 3 + 5 + 8 = 18; uB: 2 + 3×2 = 8
    expect(result.data.organizations.map((o) => [o.unitId, o.points, o.awarded])).toEqual([
      ['uA', 34, true],
      ['uC', 18, true],
      ['uB', 8, false]
    ])
  })

  it('is plain data that survives JSON, as a frozen snapshot must', () => {
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(result.data)
  })
})
