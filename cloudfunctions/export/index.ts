import { ExportCampaignInput } from '../../src/core/api'
import { createHandler, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { exportEntries, exportResults } from '../shared/services/exports'

/** 导出: the organizer's .xlsx workbooks, returned as base64 for the phone to save or share. */
export const handler = createHandler('export', {
  entries: signedInAction(ExportCampaignInput, (input, { openid, deps }) => exportEntries(deps, openid, input.campaignId)),
  results: signedInAction(ExportCampaignInput, (input, { openid, deps }) => exportResults(deps, openid, input.campaignId))
})

export const main = toCloudMain(handler)
