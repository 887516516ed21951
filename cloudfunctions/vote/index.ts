import { VoteCastInput, VoteLeaderboardInput, VoteMineInput } from '../../src/core/api'
import { createHandler, publicAction, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { castVote, leaderboard, myVotesToday } from '../shared/services/votes'

/** 观众投票: cast within the limits, today's votes, and the public leaderboard per track. */
export const handler = createHandler('vote', {
  cast: signedInAction(VoteCastInput, (input, { openid, deps }) => castVote(deps, openid, input.entryId)),
  mine: signedInAction(VoteMineInput, (input, { openid, deps }) => myVotesToday(deps, openid, input.campaignId)),
  leaderboard: publicAction(VoteLeaderboardInput, (input, { openid, deps }) => leaderboard(deps, openid, input.campaignId, input.trackId))
})

export const main = toCloudMain(handler)
