import fc from 'fast-check'
import { checkVote, defaultCampaignRules, formatShanghai, isVotingOpen, shanghaiDayKey, shanghaiDayStart, type CampaignClock, type VoteRules } from '../../../src/core/contest'

const at = (iso: string): number => Date.parse(`${iso}+08:00`)
const DEADLINES = {
  registration: at('2024-05-10T18:00:00'),
  preliminary: at('2024-05-20T18:00:00'),
  semifinal: at('2024-06-01T18:00:00'),
  final: at('2024-06-15T18:00:00')
}
const FINAL: CampaignClock = { stage: 'final', deadlines: DEADLINES }
const VOTES: VoteRules = { ...defaultCampaignRules.votes, enabled: true }

describe('Shanghai calendar day', () => {
  it('turns the day at midnight Shanghai time, 16:00 UTC', () => {
    expect(shanghaiDayKey(Date.parse('2024-05-01T15:59:59.999Z'))).toBe('2024-05-01')
    expect(shanghaiDayKey(Date.parse('2024-05-01T16:00:00.000Z'))).toBe('2024-05-02')
    expect(shanghaiDayKey(Date.parse('2023-12-31T16:00:00.000Z'))).toBe('2024-01-01')
    expect(shanghaiDayKey(Date.parse('2024-02-29T03:00:00.000Z'))).toBe('2024-02-29')
    expect(formatShanghai(Date.parse('2024-05-01T16:05:00.000Z'))).toBe('2024-05-02 00:05')
  })

  it('finds where a day starts and rejects days that do not exist', () => {
    expect(shanghaiDayStart('2024-05-02')).toBe(Date.parse('2024-05-01T16:00:00Z'))
    expect(shanghaiDayStart('2023-02-29')).toBeNull()
    expect(shanghaiDayStart('2024-5-2')).toBeNull()
  })

  it('puts every instant inside the day its key names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800000 }), (t) => {
        const start = shanghaiDayStart(shanghaiDayKey(t))
        expect(start).not.toBeNull()
        expect(t).toBeGreaterThanOrEqual(start ?? Infinity)
        expect(t).toBeLessThan((start ?? 0) + 86400000)
      })
    )
  })
})

describe('vote window', () => {
  it('is open in the final stage before its deadline, by default', () => {
    expect(isVotingOpen(VOTES, FINAL, DEADLINES.final - 1)).toBe(true)
    expect(isVotingOpen(VOTES, FINAL, DEADLINES.final)).toBe(false)
    expect(isVotingOpen(VOTES, { ...FINAL, stage: 'semifinal' }, DEADLINES.semifinal - 1)).toBe(false)
    expect(isVotingOpen(defaultCampaignRules.votes, FINAL, DEADLINES.final - 1)).toBe(false)
  })

  it('honours a narrower window inside the stage', () => {
    const votes: VoteRules = { ...VOTES, windows: [{ stage: 'final', opensAt: at('2024-06-05T09:00:00'), closesAt: at('2024-06-10T18:00:00') }] }
    expect(isVotingOpen(votes, FINAL, at('2024-06-05T08:59:59'))).toBe(false)
    expect(isVotingOpen(votes, FINAL, at('2024-06-05T09:00:00'))).toBe(true)
    expect(isVotingOpen(votes, FINAL, at('2024-06-10T18:00:00'))).toBe(false)
  })
})

describe('checkVote', () => {
  const attempt = { now: at('2024-06-05T23:30:00'), clock: FINAL, entryStatus: 'finalist' as const, votesToday: 0, votedEntryToday: false }

  it('gives the Shanghai day and the next slot', () => {
    expect(checkVote(VOTES, attempt)).toEqual({ ok: true, data: { dayKey: '2024-06-05', slot: 1 } })
    expect(checkVote(VOTES, { ...attempt, votesToday: 2 })).toEqual({ ok: true, data: { dayKey: '2024-06-05', slot: 3 } })
  })

  it('refuses a second vote for the same entry on the same day', () => {
    expect(checkVote(VOTES, { ...attempt, votedEntryToday: true })).toEqual({ ok: false, code: 'VOTE_LIMIT', message: '今天已为该作品投过票，明天再来吧' })
  })

  it('refuses a fourth vote in a day (一天三票)', () => {
    expect(checkVote(VOTES, { ...attempt, votesToday: 3 })).toEqual({ ok: false, code: 'VOTE_LIMIT', message: '每人每天最多投 3 票，今天的票已用完' })
  })

  it('refuses outside the window, when voting is off, and for entries not in the running', () => {
    expect(checkVote(VOTES, { ...attempt, now: DEADLINES.final })).toMatchObject({ ok: false, code: 'STAGE_CLOSED' })
    expect(checkVote(defaultCampaignRules.votes, attempt)).toMatchObject({ ok: false, code: 'STAGE_CLOSED', message: '本活动未开放观众投票' })
    expect(checkVote(VOTES, { ...attempt, entryStatus: 'recommended' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('admits recommended entries in a semifinal window', () => {
    const votes: VoteRules = { ...VOTES, windows: [{ stage: 'semifinal' }] }
    const semifinal: CampaignClock = { stage: 'semifinal', deadlines: DEADLINES }
    expect(checkVote(votes, { ...attempt, clock: semifinal, now: at('2024-05-25T10:00:00'), entryStatus: 'recommended' })).toMatchObject({ ok: true })
    expect(checkVote(votes, { ...attempt, clock: semifinal, now: at('2024-05-25T10:00:00'), entryStatus: 'submitted' })).toMatchObject({ ok: false })
  })
})
