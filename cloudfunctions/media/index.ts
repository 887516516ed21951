import { MediaVerifyInput } from '../../src/core/api/media'
import { createHandler, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { verifyEntryVideo } from '../shared/services/media'

/** Video verification: the cloud re-reads the stored file's header boxes; the phone's facts are never trusted. */
export const handler = createHandler('media', {
  verify: signedInAction(MediaVerifyInput, (input, { openid, deps }) => verifyEntryVideo(deps, openid, input.entryId))
})

export const main = toCloudMain(handler)
