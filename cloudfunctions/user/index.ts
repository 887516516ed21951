import { MeInput } from '../../src/core/api'
import { createHandler, signedInAction } from '../shared/kit/handler'
import { toCloudMain } from '../shared/platform'
import { describeMe } from '../shared/services/users'

/** Who am I: profile and roles, for the 我的 tab. */
export const handler = createHandler('user', {
  me: signedInAction(MeInput, (_input, { openid, deps }) => describeMe(deps.db, openid))
})

export const main = toCloudMain(handler)
