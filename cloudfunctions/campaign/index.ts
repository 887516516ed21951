import {
  CampaignAdvanceInput,
  CampaignAuditLogInput,
  CampaignConfigureInput,
  CampaignExtendDeadlineInput,
  CampaignGetInput,
  CampaignGetRulesInput,
  CampaignListInput,
  CampaignSetQuotaInput
} from '../../src/core/api'
import { createHandler, publicAction, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { advanceStage, campaignRules, configureRules, extendStageDeadline, readAuditLog, setUnitQuota } from '../shared/services/campaign-admin'
import { getCampaign, listCampaigns } from '../shared/services/campaigns'

/** Campaign information (public, so audiences can browse before they sign in) and the organizer's administration. */
export const handler = createHandler('campaign', {
  list: publicAction(CampaignListInput, (_input, { deps }) => listCampaigns(deps.db)),
  get: publicAction(CampaignGetInput, (input, { deps }) => getCampaign(deps.db, input.campaignId)),
  rules: publicAction(CampaignGetRulesInput, (input, { openid, deps }) => campaignRules(deps, openid, input.campaignId)),
  advanceStage: signedInAction(CampaignAdvanceInput, (input, { openid, deps }) => advanceStage(deps, openid, input)),
  extendDeadline: signedInAction(CampaignExtendDeadlineInput, (input, { openid, deps }) => extendStageDeadline(deps, openid, input)),
  configure: signedInAction(CampaignConfigureInput, (input, { openid, deps }) => configureRules(deps, openid, input.campaignId, input.rules)),
  setQuota: signedInAction(CampaignSetQuotaInput, (input, { openid, deps }) => setUnitQuota(deps, openid, input)),
  auditLog: signedInAction(CampaignAuditLogInput, (input, { openid, deps }) => readAuditLog(deps, openid, input))
})

export const main = toCloudMain(handler)
