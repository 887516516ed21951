import { CampaignGetInput, CampaignListInput } from '../../src/core/api'
import { createHandler, publicAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { getCampaign, listCampaigns } from '../shared/services/campaigns'

/** Campaign information: public, so audiences can browse before they sign in. */
export const handler = createHandler('campaign', {
  list: publicAction(CampaignListInput, (_input, { deps }) => listCampaigns(deps.db)),
  get: publicAction(CampaignGetInput, (input, { deps }) => getCampaign(deps.db, input.campaignId))
})

export const main = toCloudMain(handler)
