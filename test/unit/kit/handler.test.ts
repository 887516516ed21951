import { z } from 'zod'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { createHandler, publicAction, signedInAction, type CallContext } from '../../../cloudfunctions/shared/kit/handler'
import type { Deps } from '../../../cloudfunctions/shared/ports'

// The kit never touches deps itself; services do. An empty object proves that.
const deps = {} as Deps
const ctx = (openid: string | null): CallContext => ({ openid, deps })

const handler = createHandler('demo', {
  echo: publicAction(z.object({ text: z.string().max(5) }).strict(), async (input) => input.text),
  whoami: signedInAction(z.object({}).strict(), async (_input, { openid }) => openid),
  closed: signedInAction(z.object({}), async () => {
    throw new AppError(ErrorCode.STAGE_CLOSED, '报名已截止')
  }),
  broken: publicAction(z.object({}), async () => {
    throw new Error('secret stack detail')
  })
})

describe('createHandler', () => {
  it('runs an action and wraps its result', async () => {
    await expect(handler({ action: 'echo', payload: { text: 'hi' } }, ctx(null))).resolves.toEqual({ ok: true, data: 'hi' })
  })

  it('rejects a malformed event with BAD_REQUEST naming the field, in Chinese', async () => {
    const missing = await handler({ payload: {} }, ctx(null))
    expect(missing).toMatchObject({ ok: false, code: 'BAD_REQUEST', field: 'action' })
    const tooLong = await handler({ action: 'echo', payload: { text: '太长了太长了' } }, ctx(null))
    expect(tooLong).toMatchObject({ ok: false, code: 'BAD_REQUEST', field: 'payload.text' })
    expect(tooLong.ok === false && tooLong.message).toMatch(/^payload\.text：.*[\u4e00-\u9fa5]/)
    const extra = await handler({ action: 'echo', payload: { text: 'a', openid: 'forged' } }, ctx(null))
    expect(extra).toMatchObject({ ok: false, code: 'BAD_REQUEST', field: 'payload.openid' })
    for (const bad of [null, 'text', 42, []]) {
      expect(await handler(bad, ctx(null))).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    }
  })

  it('answers an unknown action with an explicit code, including inherited names', async () => {
    for (const action of ['nope', 'toString', '__proto__', 'constructor']) {
      expect(await handler({ action }, ctx('u1'))).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', field: 'action' })
    }
  })

  it('takes identity from the context only', async () => {
    expect(await handler({ action: 'whoami', payload: {} }, ctx(null))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await handler({ action: 'whoami', payload: {}, userInfo: { openId: 'forged' } }, ctx('real'))).toEqual({ ok: true, data: 'real' })
  })

  it('turns rule errors into their code and hides unexpected errors', async () => {
    expect(await handler({ action: 'closed' }, ctx('u1'))).toEqual({ ok: false, code: 'STAGE_CLOSED', message: '报名已截止' })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = await handler({ action: 'broken' }, ctx(null))
    spy.mockRestore()
    expect(broken).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' })
    expect(JSON.stringify(broken)).not.toContain('secret')
  })
})
