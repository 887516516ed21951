import { ResultsCampaignInput } from '../../src/core/api'
import { createHandler, publicAction, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { previewResults, publishResults, readPublishedResults } from '../shared/services/results'

/** 成绩: the organizer's preview and publication; the published snapshot is public. */
export const handler = createHandler('results', {
  preview: signedInAction(ResultsCampaignInput, (input, { openid, deps }) => previewResults(deps, openid, input.campaignId)),
  publish: signedInAction(ResultsCampaignInput, (input, { openid, deps }) => publishResults(deps, openid, input.campaignId)),
  get: publicAction(ResultsCampaignInput, (input, { openid, deps }) => readPublishedResults(deps, openid, input.campaignId))
})

export const main = toCloudMain(handler)
