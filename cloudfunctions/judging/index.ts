import {
  JudgingAssignInput,
  JudgingAutoAssignInput,
  JudgingCampaignInput,
  JudgingCorrectScoreInput,
  JudgingJudgesInput,
  JudgingMyAssignmentsInput,
  JudgingRoundInput,
  JudgingScoreInput,
  JudgingSheetsInput,
  JudgingUnassignInput
} from '../../src/core/api'
import { createHandler, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { autoAssignJudges, roundJudges } from '../shared/services/assignment'
import {
  assignJudges,
  correctSheet,
  entrySheets,
  myAssignments,
  roundScores,
  selectFinalistEntries,
  semifinalRanking,
  unassignJudge,
  writeSheet
} from '../shared/services/judging'

/** 评审: judge assignments, score sheets, round scores and the semifinal's finalists. */
export const handler = createHandler('judging', {
  assign: signedInAction(JudgingAssignInput, (input, { openid, deps }) => assignJudges(deps, openid, input)),
  unassign: signedInAction(JudgingUnassignInput, (input, { openid, deps }) => unassignJudge(deps, openid, input)),
  judges: signedInAction(JudgingJudgesInput, (input, { openid, deps }) => roundJudges(deps, openid, input)),
  autoAssign: signedInAction(JudgingAutoAssignInput, (input, { openid, deps }) => autoAssignJudges(deps, openid, input)),
  myAssignments: signedInAction(JudgingMyAssignmentsInput, (input, { openid, deps }) => myAssignments(deps, openid, input.campaignId, input.roundId)),
  submitScore: signedInAction(JudgingScoreInput, (input, { openid, deps }) => writeSheet(deps, openid, input, 'score.submit')),
  reviseScore: signedInAction(JudgingScoreInput, (input, { openid, deps }) => writeSheet(deps, openid, input, 'score.revise')),
  correctScore: signedInAction(JudgingCorrectScoreInput, (input, { openid, deps }) => correctSheet(deps, openid, input)),
  sheets: signedInAction(JudgingSheetsInput, (input, { openid, deps }) => entrySheets(deps, openid, input.roundId, input.entryId)),
  roundScores: signedInAction(JudgingRoundInput, (input, { openid, deps }) => roundScores(deps, openid, input.campaignId, input.roundId)),
  semifinalRanking: signedInAction(JudgingCampaignInput, (input, { openid, deps }) => semifinalRanking(deps, openid, input.campaignId)),
  selectFinalists: signedInAction(JudgingCampaignInput, (input, { openid, deps }) => selectFinalistEntries(deps, openid, input.campaignId))
})

export const main = toCloudMain(handler)
