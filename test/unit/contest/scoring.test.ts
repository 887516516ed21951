import {
  aggregateRoundScore,
  checkScoreWrite,
  computeRoundScores,
  DEFAULT_RUBRIC,
  divideRounded,
  formatPoints,
  rubricMax,
  toHundredths,
  validateScoreSheet
} from '../../../src/core/contest'

const h = (points: number): number => Math.round(points * 100)

describe('score arithmetic in hundredths', () => {
  it('converts typed points with at most two decimals', () => {
    expect(toHundredths(38.5)).toBe(3850)
    expect(toHundredths(18.25)).toBe(1825)
    expect(toHundredths(0.1 + 0.2)).toBe(30)
    expect(toHundredths(38.123)).toBeNull()
    expect(toHundredths(Number.NaN)).toBeNull()
  })

  it('rounds divisions half up', () => {
    expect(divideRounded(16001, 2)).toBe(8001)
    expect(divideRounded(24001, 3)).toBe(8000)
    expect(divideRounded(24002, 3)).toBe(8001)
    expect(divideRounded(0, 7)).toBe(0)
  })

  it('formats hundredths as points with two decimals', () => {
    expect(formatPoints(8725)).toBe('87.25')
    expect(formatPoints(8705)).toBe('87.05')
    expect(formatPoints(9000)).toBe('90.00')
    expect(formatPoints(0)).toBe('0.00')
  })

  it('totals the default rubric to 100 points', () => {
    expect(rubricMax(DEFAULT_RUBRIC)).toBe(10000)
  })
})

describe('validateScoreSheet', () => {
  it('accepts a sheet within the rubric and totals it exactly', () => {
    const r = validateScoreSheet(DEFAULT_RUBRIC, { content: 38.5, delivery: 27, image: 9, effect: 18.25 })
    expect(r).toEqual({ ok: true, data: { points: { content: 3850, delivery: 2700, image: 900, effect: 1825 }, total: 9275 } })
  })

  it('accepts the maxima and zero', () => {
    const r = validateScoreSheet(DEFAULT_RUBRIC, { content: 40, delivery: 30, image: 0, effect: 20 })
    expect(r.ok && r.data.total).toBe(9000)
  })

  it.each([
    [{ content: 40.01, delivery: 27, image: 9, effect: 18 }, 'points.content', '「内容」的得分须在 0 到 40 分之间'],
    [{ content: 45, delivery: 27, image: 9, effect: 18 }, 'points.content', '「内容」的得分须在 0 到 40 分之间'],
    [{ content: 38, delivery: -1, image: 9, effect: 18 }, 'points.delivery', '「表达」的得分须在 0 到 30 分之间'],
    [{ content: 38, delivery: 27, image: 9 }, 'points.effect', '请为「效果」打分'],
    [{ content: 38, delivery: 27, image: 9.125, effect: 18 }, 'points.image', '「形象」的得分最多保留两位小数'],
    [{ content: '38', delivery: 27, image: 9, effect: 18 }, 'points.content', '「内容」的得分须为数字'],
    [{ content: Number.NaN, delivery: 27, image: 9, effect: 18 }, 'points.content', '「内容」的得分须为数字'],
    [{ content: 38, delivery: 27, image: 9, effect: 18, bonus: 5 }, 'points.bonus', '评分项「bonus」不在本轮评分标准中']
  ])('refuses %j (an error, never a clamp)', (points, field, message) => {
    expect(validateScoreSheet(DEFAULT_RUBRIC, points)).toEqual({ ok: false, code: 'BAD_REQUEST', field, message })
  })
})

describe('aggregateRoundScore', () => {
  it('has no score while no judge has scored', () => {
    expect(aggregateRoundScore([])).toEqual({ score: null, judgeCount: 0, trimmed: false })
  })

  it('takes the plain mean of 4 judges: (90 + 80 + 70 + 61) / 4 = 75.25', () => {
    expect(aggregateRoundScore([h(90), h(80), h(70), h(61)])).toEqual({ score: 7525, judgeCount: 4, trimmed: false })
  })

  it('drops one highest and one lowest from 5 judges: 95, 88, 86, 84, 60 → (88 + 86 + 84) / 3 = 86', () => {
    expect(aggregateRoundScore([h(95), h(88), h(86), h(84), h(60)])).toEqual({ score: 8600, judgeCount: 5, trimmed: true })
  })

  it('4 vs 5 judges: the same four give 88.25, a fifth low score then gets dropped', () => {
    expect(aggregateRoundScore([h(95), h(88), h(86), h(84)]).score).toBe(8825)
    expect(aggregateRoundScore([h(95), h(88), h(86), h(84), h(10)]).score).toBe(8600)
  })

  it('drops only one of equal extremes: 90, 90, 80, 70, 70 → (90 + 80 + 70) / 3 = 80', () => {
    expect(aggregateRoundScore([h(90), h(90), h(80), h(70), h(70)]).score).toBe(8000)
  })

  it('rounds the mean half up to a hundredth: (80.00 + 80.01) / 2 = 80.005 → 80.01', () => {
    expect(aggregateRoundScore([8000, 8001]).score).toBe(8001)
    expect(aggregateRoundScore([8000, 8000, 8001]).score).toBe(8000)
  })
})

describe('computeRoundScores', () => {
  const sheet = (entryId: string, judgeOpenid: string, total: number) => ({
    entryId,
    judgeOpenid,
    points: { content: Math.min(40, total), delivery: Math.min(30, Math.max(0, total - 40)), image: Math.min(10, Math.max(0, total - 70)), effect: Math.max(0, total - 80) }
  })

  it('ignores judges who have not scored: 3 of 5 assigned judges scored → their mean', () => {
    const r = computeRoundScores(DEFAULT_RUBRIC, [sheet('a', 'j1', 90), sheet('a', 'j2', 81), sheet('a', 'j3', 84), sheet('b', 'j1', 70)])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.get('a')).toEqual({ score: 8500, judgeCount: 3, trimmed: false })
    expect(r.data.get('b')).toEqual({ score: 7000, judgeCount: 1, trimmed: false })
    expect(r.data.has('c')).toBe(false)
  })

  it('refuses a judge scoring the same entry twice in a round', () => {
    const r = computeRoundScores(DEFAULT_RUBRIC, [sheet('a', 'j1', 90), sheet('a', 'j1', 80)])
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('surfaces a stored sheet that breaks the rubric', () => {
    const r = computeRoundScores(DEFAULT_RUBRIC, [{ entryId: 'a', judgeOpenid: 'j1', points: { content: 41, delivery: 1, image: 1, effect: 1 } }])
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST', field: 'points.content' })
  })
})

describe('checkScoreWrite', () => {
  it('scores once, then revises', () => {
    expect(checkScoreWrite('score.submit', false)).toEqual({ ok: true, data: null })
    expect(checkScoreWrite('score.submit', true)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(checkScoreWrite('score.revise', true)).toEqual({ ok: true, data: null })
    expect(checkScoreWrite('score.revise', false)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
