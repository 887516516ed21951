/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react'
import type { CampaignSummary, LeaderboardTrack, PublishedResults } from '../../../src/core/api'
import type { Standing } from '../../../src/core/contest'
import { failure, fakeCloud, ok, type Event } from './contest-support'

const cloud = fakeCloud()
jest.mock('../../../src/services/cloud/transport', () => ({ initCloud: () => undefined, invoke: (fn: string, event: Event) => cloud.invoke(fn, event) }))
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro')
  return { __esModule: true, ...actual, useDidShow: jest.fn() }
})

import RankingPage from '../../../src/pages/ranking/index'
import { useCampaigns } from '../../../src/stores/campaigns'
import { useRanking } from '../../../src/stores/ranking'

const campaign = (stage: CampaignSummary['stage']): CampaignSummary => ({
  id: 'c1',
  name: '大学习 走在前·千名支部书记微宣讲',
  summary: '',
  stage,
  stageDeadlineAt: null,
  tracks: [{ id: 't1', name: '战疫密码：中国之治' }],
  unitCount: 2,
  entryCount: 2
})

const board: LeaderboardTrack[] = [
  { trackId: 't1', trackName: '战疫密码：中国之治', rows: [{ entryId: 'e1', title: '账本里的人民至上', speakerName: '胡雅琴', unitId: 'u1', unitName: '市财政局机关党委', votes: 12, position: 1 }] }
]

const standing = (entryId: string, unitId: string, position: number, finalScore: number): Standing => ({
  entryId,
  trackId: 't1',
  unitId,
  submittedAt: 0,
  group: '*',
  position,
  finalScore,
  tieBreakScore: finalScore,
  roundScores: { semifinal: finalScore, final: finalScore },
  votes: null,
  voteScore: null,
  missingRounds: []
})

const published: PublishedResults = {
  campaignId: 'c1',
  version: 2,
  publishedAt: Date.UTC(2026, 5, 1, 10, 0),
  ranking: [{ group: '*', standings: [standing('e1', 'u1', 1, 9125), standing('e2', 'u2', 2, 8870)] }],
  awards: [
    { entryId: 'e1', unitId: 'u1', trackId: 't1', group: '*', tier: '一等奖', tierIndex: 0, position: 1 },
    { entryId: 'e2', unitId: 'u2', trackId: 't1', group: '*', tier: '二等奖', tierIndex: 1, position: 2 }
  ],
  organizations: [
    { unitId: 'u1', points: 14, awardPoints: 10, position: 1, awarded: true, tally: { unitId: 'u1', participants: 1, recommended: 1, finalists: 1, awardsByTier: { 一等奖: 1 } } },
    { unitId: 'u2', points: 12, awardPoints: 8, position: 2, awarded: false, tally: { unitId: 'u2', participants: 1, recommended: 1, finalists: 1, awardsByTier: { 二等奖: 1 } } }
  ],
  entries: {
    e1: { title: '账本里的人民至上', speakerName: '胡雅琴', unitId: 'u1', trackId: 't1' },
    e2: { title: '村卫生室里的红色堡垒', speakerName: '韩志鹏', unitId: 'u2', trackId: 't1' }
  },
  units: { u1: '市财政局机关党委', u2: '市卫生健康委机关党委' },
  tracks: { t1: '战疫密码：中国之治' }
}

beforeEach(() => {
  useCampaigns.setState({ status: 'idle', items: [], error: null })
  useRanking.setState({ byId: {} })
  cloud.on('vote.leaderboard', ok(board))
})

describe('排行 tab', () => {
  it('shows live vote counts per track before results are published', async () => {
    cloud.on('campaign.list', ok([campaign('final')]))
    cloud.on('results.get', failure('NOT_FOUND', '成绩尚未发布'))
    render(<RankingPage />)
    expect(await screen.findByText('成绩发布后，获奖名单将在这里公布。')).toBeTruthy()
    expect(screen.getByText('观众投票 · 战疫密码：中国之治')).toBeTruthy()
    expect(screen.getByText('1. 账本里的人民至上')).toBeTruthy()
    expect(screen.getByText('12 票')).toBeTruthy()
  })

  it('shows the published awards by tier, 组织奖 winners and scores', async () => {
    cloud.on('campaign.list', ok([campaign('published')]))
    cloud.on('results.get', ok(published))
    render(<RankingPage />)
    expect(await screen.findByText(/成绩已发布 · 第 2 版/)).toBeTruthy()
    const awards = screen.getByText('获奖名单 · 全部作品').closest('.nut-cell-group') as HTMLElement
    expect(within(awards).getByText('一等奖')).toBeTruthy()
    expect(within(awards).getByText('二等奖')).toBeTruthy()
    expect(within(awards).getByText('村卫生室里的红色堡垒')).toBeTruthy()
    expect(screen.getByText('91.25 分')).toBeTruthy()
    const org = screen.getByText('组织奖').closest('.nut-cell-group') as HTMLElement
    expect(within(org).getByText('市财政局机关党委')).toBeTruthy()
    expect(within(org).queryByText('市卫生健康委机关党委')).toBeNull()
  })
})
