import {
  EntryAttachVideoInput,
  EntryIdInput,
  EntryListAllInput,
  EntryListUnitInput,
  EntryMineInput,
  EntryRegisterInput,
  EntryReturnInput,
  EntryReviewScriptInput,
  EntrySaveScriptInput,
  EntryUpdateFormInput
} from '../../src/core/api'
import { createHandler, publicAction, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { allEntries, getEntry, myEntries, unitEntries } from '../shared/services/entry-views'
import { attachVideo, reviewScript, saveScript, submitEntry } from '../shared/services/materials'
import { recommendEntry, unrecommendEntry } from '../shared/services/recommendations'
import { endorseEntry, registerEntry, returnEntry, submitForm, updateForm, withdrawEntry } from '../shared/services/registration'

/** Entries (参赛作品): the 推荐表, the secretary's endorsement, script, video, hand-in, unit recommendation. */
export const handler = createHandler('entry', {
  register: signedInAction(EntryRegisterInput, (input, { openid, deps }) => registerEntry(deps, openid, input)),
  updateForm: signedInAction(EntryUpdateFormInput, (input, { openid, deps }) => updateForm(deps, openid, input)),
  submitForm: signedInAction(EntryIdInput, (input, { openid, deps }) => submitForm(deps, openid, input.entryId)),
  withdraw: signedInAction(EntryIdInput, (input, { openid, deps }) => withdrawEntry(deps, openid, input.entryId)),
  endorse: signedInAction(EntryIdInput, (input, { openid, deps }) => endorseEntry(deps, openid, input.entryId)),
  return: signedInAction(EntryReturnInput, (input, { openid, deps }) => returnEntry(deps, openid, input.entryId, input.reason)),
  saveScript: signedInAction(EntrySaveScriptInput, (input, { openid, deps }) => saveScript(deps, openid, input.entryId, input.text)),
  reviewScript: signedInAction(EntryReviewScriptInput, (input, { openid, deps }) => reviewScript(deps, openid, input)),
  attachVideo: signedInAction(EntryAttachVideoInput, (input, { openid, deps }) => attachVideo(deps, openid, input.entryId, input.fileId)),
  submit: signedInAction(EntryIdInput, (input, { openid, deps }) => submitEntry(deps, openid, input.entryId)),
  mine: signedInAction(EntryMineInput, (input, { openid, deps }) => myEntries(deps, openid, input.campaignId)),
  listUnit: signedInAction(EntryListUnitInput, (input, { openid, deps }) => unitEntries(deps, openid, input.campaignId, input.unitId)),
  listAll: signedInAction(EntryListAllInput, (input, { openid, deps }) => allEntries(deps, openid, input)),
  // Public: an audience member may open an entry in a vote window without signing in.
  get: publicAction(EntryIdInput, (input, { openid, deps }) => getEntry(deps, openid, input.entryId)),
  recommend: signedInAction(EntryIdInput, (input, { openid, deps }) => recommendEntry(deps, openid, input.entryId)),
  unrecommend: signedInAction(EntryIdInput, (input, { openid, deps }) => unrecommendEntry(deps, openid, input.entryId))
})

export const main = toCloudMain(handler)
