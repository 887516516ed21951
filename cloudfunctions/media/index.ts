import { MediaRegisterUploadInput, MediaVerifyInput } from '../../src/core/api/media'
import { createHandler, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { registerCloudUpload, verifyEntryVideo } from '../shared/services/media'

/** Video verification: the cloud re-reads the stored file's header boxes; the phone's facts are never trusted. */
export const handler = createHandler('media', {
  verify: signedInAction(MediaVerifyInput, (input, { openid, deps }) => verifyEntryVideo(deps, openid, input.entryId)),
  registerUpload: signedInAction(MediaRegisterUploadInput, (input, { openid, deps }) => registerCloudUpload(deps, openid, input))
})

export const main = toCloudMain(handler)
