/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { LeaderboardTrack, MyVotesToday } from '../../../src/core/api'
import { failure, fakeCloud, ok, type Event } from './contest-support'

const cloud = fakeCloud()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { campaignId: 'c1' } }) }
})

import VotePage from '../../../src/packages/contest/pages/vote/index'

const board: LeaderboardTrack[] = [
  {
    trackId: 't1',
    trackName: '战疫密码：中国之治',
    rows: [
      { entryId: 'e1', title: '账本里的人民至上', speakerName: '胡雅琴', unitId: 'u1', unitName: '市财政局机关党委', votes: 12, position: 1 },
      { entryId: 'e2', title: '村卫生室里的红色堡垒', speakerName: '韩志鹏', unitId: 'u2', unitName: '市卫生健康委机关党委', votes: 7, position: 2 }
    ]
  }
]
const today = (over: Partial<MyVotesToday>): MyVotesToday => ({ campaignId: 'c1', day: '2026-05-20', dailyCap: 3, entryIds: ['e1'], remaining: 2, open: true, ...over })

const vote = async (index: number) => {
  await act(async () => {
    fireEvent.click(screen.getAllByText('投票', { selector: '.nut-button *' })[index] as Element)
  })
}

beforeEach(() => {
  cloud.calls.length = 0
  cloud.on('vote.leaderboard', ok(board))
})

describe('投票 page', () => {
  it('shows today’s remaining votes and marks entries already voted for today', async () => {
    cloud.on('vote.mine', ok(today({})))
    render(<VotePage />)
    expect((await screen.findByTestId('vote-remaining')).textContent).toBe('今日剩余 2 / 3 票，每件作品每天限投 1 票')
    expect(screen.getByText('今日已投')).toBeTruthy()
    expect(screen.getByText('12 票')).toBeTruthy()
  })

  it('explains a VOTE_LIMIT refusal and takes the cloud’s count of what is left', async () => {
    let mine = today({ remaining: 1 })
    cloud.on('vote.mine', () => ok(mine))
    cloud.on('vote.cast', () => {
      mine = today({ remaining: 0 })
      return failure('VOTE_LIMIT', '每人每天最多投 3 票，今天的票已用完')
    })
    render(<VotePage />)
    await screen.findByText('今日剩余 1 / 3 票，每件作品每天限投 1 票')
    await vote(0)
    expect((await screen.findByRole('alert')).textContent).toBe('投票未成功：每人每天最多投 3 票，今天的票已用完')
    expect(screen.getByText('票已用完')).toBeTruthy()
    expect(cloud.sent('vote.cast')).toEqual([{ entryId: 'e2' }])
  })

  it('says voting is closed on STAGE_CLOSED', async () => {
    let mine = today({})
    cloud.on('vote.mine', () => ok(mine))
    cloud.on('vote.cast', () => {
      mine = today({ open: false })
      return failure('STAGE_CLOSED', '当前不在投票时间内')
    })
    render(<VotePage />)
    await screen.findByText('今日剩余 2 / 3 票，每件作品每天限投 1 票')
    await vote(0)
    expect((await screen.findByRole('alert')).textContent).toBe('投票已关闭：当前不在投票时间内')
    expect(screen.getByTestId('vote-remaining').textContent).toBe('当前不在投票时间内')
  })
})
