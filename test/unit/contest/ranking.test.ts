import fc from 'fast-check'
import {
  computeRoundScores,
  DEFAULT_RUBRIC,
  OVERALL_GROUP,
  rankEntries,
  type RankingEntry,
  type RankingScope,
  type RoundScore,
  type WeightedRound
} from '../../../src/core/contest'
import { entry, h, roundScoreMaps, splitTotal } from './helpers'

const ROUNDS: WeightedRound[] = [
  { roundId: 'semifinal', weight: 40, max: 10000 },
  { roundId: 'final', weight: 60, max: 10000 }
]

describe('rankEntries — hand-computed', () => {
  // final = (40 × semifinal + 60 × final) / 100
  const entries = [entry('e1', 3), entry('e2', 3), entry('e3', 5), entry('e4', 3), entry('e5', 3), entry('e6', 1), entry('e7', 5), entry('e8', 0)]
  const roundScores = roundScoreMaps({
    semifinal: { e1: 90, e2: 80, e3: 85, e4: 92, e5: 84, e6: 85, e7: 85, e8: 95 },
    final: { e1: 85, e2: 92, e3: 88, e4: 84, e5: 88, e6: 88, e7: 88 }
  })
  const [group] = rankEntries({ entries, rounds: ROUNDS, roundScores, scope: 'overall' })

  it('computes the weighted final score on a 100-point scale', () => {
    const byId = new Map(group?.standings.map((s) => [s.entryId, s]))
    expect(byId.get('e1')?.finalScore).toBe(h(87)) // 0.4 × 90 + 0.6 × 85
    expect(byId.get('e2')?.finalScore).toBe(h(87.2)) // 0.4 × 80 + 0.6 × 92
    expect(byId.get('e4')?.finalScore).toBe(h(87.2)) // 0.4 × 92 + 0.6 × 84
    expect(byId.get('e3')?.finalScore).toBe(h(86.8))
    expect(byId.get('e5')?.finalScore).toBe(h(86.4))
  })

  it('breaks ties by final-round score, then earlier submission, then entry id', () => {
    // e2 and e4 tie at 87.20: e2 scored 92 in the final, e4 84.
    // e6, e3, e7 tie at 86.80 with 88 in the final: e6 submitted first; e3 and e7 together, so by id.
    expect(group?.standings.map((s) => s.entryId)).toEqual(['e2', 'e4', 'e1', 'e6', 'e3', 'e7', 'e5', 'e8'])
    expect(group?.standings.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(group?.group).toBe(OVERALL_GROUP)
  })

  it('counts a round nobody scored as 0 and reports it missing', () => {
    const e8 = group?.standings.find((s) => s.entryId === 'e8')
    expect(e8).toMatchObject({ finalScore: h(38), tieBreakScore: null, missingRounds: ['final'], roundScores: { semifinal: h(95), final: null } })
  })

  it('scales a round to 100 points by its rubric total before weighting', () => {
    const [g] = rankEntries({
      entries: [entry('a'), entry('b')],
      rounds: [
        { roundId: 'script', weight: 1, max: h(50) },
        { roundId: 'live', weight: 1, max: h(30) }
      ],
      roundScores: roundScoreMaps({ script: { a: 40, b: 45 }, live: { a: 20, b: 20.01 } }),
      scope: 'overall'
    })
    // a: script 80.00, live 66.67 (20/30, half up) → 73.335 → 73.34; b: 90.00, 66.70 → 78.35
    expect(g?.standings.map((s) => [s.entryId, s.finalScore])).toEqual([
      ['b', 7835],
      ['a', 7334]
    ])
  })

  it('normalises audience votes to the group best and weights them', () => {
    const [g] = rankEntries({
      entries: [entry('a'), entry('b'), entry('c')],
      rounds: [
        { roundId: 'semifinal', weight: 30, max: 10000 },
        { roundId: 'final', weight: 50, max: 10000 }
      ],
      roundScores: roundScoreMaps({ semifinal: { a: 80, b: 80, c: 90 }, final: { a: 80, b: 82, c: 85 } }),
      votes: { weight: 20, counts: new Map([['a', 300], ['b', 150]]) },
      scope: 'overall'
    })
    // a: (30×80 + 50×80 + 20×100) / 100 = 84.00; b: (2400 + 4100 + 20×50) / 100 = 75.00; c: (2700 + 4250 + 0) / 100 = 69.50
    expect(g?.standings.map((s) => [s.entryId, s.finalScore, s.votes, s.voteScore])).toEqual([
      ['a', 8400, 300, 10000],
      ['b', 7500, 150, 5000],
      ['c', 6950, 0, 0]
    ])
  })

  it('ranks each track separately when the scope is per track', () => {
    const groups = rankEntries({
      entries: [entry('a', 0, 'tB'), entry('b', 0, 'tA'), entry('c', 0, 'tB'), entry('d', 0, 'tA')],
      rounds: ROUNDS,
      roundScores: roundScoreMaps({ semifinal: { a: 70, b: 60, c: 90, d: 95 }, final: { a: 70, b: 60, c: 90, d: 95 } }),
      scope: 'track'
    })
    expect(groups.map((g) => [g.group, g.standings.map((s) => `${s.position}:${s.entryId}`)])).toEqual([
      ['tA', ['1:d', '2:b']],
      ['tB', ['1:c', '2:a']]
    ])
  })

  it('refuses weights that sum to zero and duplicate entries', () => {
    expect(() => rankEntries({ entries: [entry('a')], rounds: [{ roundId: 'r', weight: 0, max: 100 }], roundScores: new Map(), scope: 'overall' })).toThrow(
      '权重之和须大于 0'
    )
    expect(() => rankEntries({ entries: [entry('a'), entry('a')], rounds: ROUNDS, roundScores: new Map(), scope: 'overall' })).toThrow('重复')
  })
})

describe('rankEntries — properties', () => {
  const entriesArb = fc
    .uniqueArray(fc.record({ entryId: fc.string({ minLength: 1, maxLength: 6 }), trackId: fc.constantFrom('t1', 't2', 't3'), unitId: fc.constantFrom('u1', 'u2'), submittedAt: fc.integer({ min: 0, max: 5 }) }), {
      selector: (e) => e.entryId,
      maxLength: 40
    })

  it('is a permutation of the entries, with positions 1…n in every group', () => {
    fc.assert(
      fc.property(
        entriesArb,
        fc.array(fc.option(fc.integer({ min: 0, max: 10000 })), { minLength: 80, maxLength: 80 }),
        fc.constantFrom<RankingScope>('overall', 'track'),
        (entries: RankingEntry[], raw, scope) => {
          const semifinal = new Map<string, RoundScore>()
          const final = new Map<string, RoundScore>()
          entries.forEach((e, i) => {
            const s = raw[2 * i] ?? null
            const f = raw[2 * i + 1] ?? null
            if (s !== null) semifinal.set(e.entryId, { score: s, judgeCount: 3, trimmed: false })
            if (f !== null) final.set(e.entryId, { score: f, judgeCount: 3, trimmed: false })
          })
          const groups = rankEntries({ entries, rounds: ROUNDS, roundScores: new Map([['semifinal', semifinal], ['final', final]]), scope })
          const ranked = groups.flatMap((g) => g.standings.map((s) => s.entryId))
          expect([...ranked].sort()).toEqual(entries.map((e) => e.entryId).sort())
          for (const g of groups) {
            expect(g.standings.map((s) => s.position)).toEqual(g.standings.map((_, i) => i + 1))
            for (const s of g.standings) expect(s.group).toBe(scope === 'track' ? s.trackId : OVERALL_GROUP)
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  /**
   * Every judge orders the entries the same way (a hidden order), in both rounds. The ranking must
   * follow that order: exactly, when judges' totals differ by whole points; otherwise every inversion
   * must be a tie on both the final score and the final-round score (left to submission time / id).
   */
  const agreeingJudges = (wholePoints: boolean) =>
    fc
      .record({
        n: fc.integer({ min: 2, max: 12 }),
        judges: fc.integer({ min: 1, max: 9 })
      })
      .chain(({ n, judges }) => {
        const ids = Array.from({ length: n }, (_, i) => `e${i}`)
        const totalsArb = wholePoints
          ? fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n })
          : fc.uniqueArray(fc.integer({ min: 0, max: 10000 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => x / 100))
        return fc.record({
          order: fc.shuffledSubarray(ids, { minLength: n, maxLength: n }),
          submittedAt: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
          rounds: fc.tuple(fc.array(totalsArb, { minLength: judges, maxLength: judges }), fc.array(totalsArb, { minLength: judges, maxLength: judges })),
          weights: fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
        })
      })

  const rankAgreeing = ({ order, submittedAt, rounds, weights }: { order: string[]; submittedAt: number[]; rounds: [number[][], number[][]]; weights: [number, number] }) => {
    const roundScores = new Map<string, ReadonlyMap<string, RoundScore>>()
    ;(['semifinal', 'final'] as const).forEach((roundId, r) => {
      const sheets = rounds[r].flatMap((totals, j) => {
        const desc = [...totals].sort((a, b) => b - a)
        return order.map((entryId, place) => ({ entryId, judgeOpenid: `j${j}`, points: splitTotal(desc[place] ?? 0) }))
      })
      const computed = computeRoundScores(DEFAULT_RUBRIC, sheets)
      if (!computed.ok) throw new Error(computed.message)
      roundScores.set(roundId, computed.data)
    })
    const entries = order.map((entryId, i) => entry(entryId, submittedAt[i] ?? 0))
    const [group] = rankEntries({
      entries,
      rounds: [
        { roundId: 'semifinal', weight: weights[0], max: 10000 },
        { roundId: 'final', weight: weights[1], max: 10000 }
      ],
      roundScores,
      scope: 'overall'
    })
    return group?.standings ?? []
  }

  it('follows the judges exactly when they agree and their totals differ by whole points', () => {
    fc.assert(
      fc.property(agreeingJudges(true), (c) => {
        expect(rankAgreeing(c).map((s) => s.entryId)).toEqual(c.order)
      }),
      { numRuns: 150 }
    )
  })

  it('never inverts the judges’ common order except across a tie on merit', () => {
    fc.assert(
      fc.property(agreeingJudges(false), (c) => {
        const standings = rankAgreeing(c)
        const place = new Map(c.order.map((id, i) => [id, i]))
        for (let i = 0; i < standings.length; i++) {
          for (let k = i + 1; k < standings.length; k++) {
            const a = standings[i]
            const b = standings[k]
            if (a === undefined || b === undefined) continue
            if ((place.get(a.entryId) ?? 0) > (place.get(b.entryId) ?? 0)) {
              expect([a.finalScore, a.tieBreakScore]).toEqual([b.finalScore, b.tieBreakScore])
            }
          }
        }
      }),
      { numRuns: 150 }
    )
  })
})
