import type { z } from 'zod'
import { CallEvent, fieldOf } from '../../../src/core/api'
import { AppError, ErrorCode, ok, type Failure, type Result } from '../../../src/core/errors'
import type { Deps } from '../ports'

/** What the platform hands to a handler: who calls (from the cloud context only) and the adapters. */
export interface CallContext {
  openid: string | null
  deps: Deps
}

export interface SignedInContext extends CallContext {
  openid: string
}

interface ActionBase<S extends z.ZodType> {
  input: S
}
interface PublicAction<S extends z.ZodType, O> extends ActionBase<S> {
  access: 'public'
  run(input: z.output<S>, ctx: CallContext): Promise<O>
}
interface SignedInAction<S extends z.ZodType, O> extends ActionBase<S> {
  access: 'signed-in'
  run(input: z.output<S>, ctx: SignedInContext): Promise<O>
}
export type Action<S extends z.ZodType = z.ZodType, O = unknown> = PublicAction<S, O> | SignedInAction<S, O>

/** An action anyone may call, e.g. browsing public campaign information. */
export function publicAction<S extends z.ZodType, O>(input: S, run: PublicAction<S, O>['run']): Action<S, O> {
  return { access: 'public', input, run }
}

/** An action that needs a caller; authorization beyond that is the service's job. */
export function signedInAction<S extends z.ZodType, O>(input: S, run: SignedInAction<S, O>['run']): Action<S, O> {
  return { access: 'signed-in', input, run }
}

export type Handler = (event: unknown, ctx: CallContext) => Promise<Result<unknown>>

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is heterogeneous by design; each entry is typed where it is made
type ActionTable = Record<string, Action<any, any>>

/**
 * One cloud function = one bounded context with a table of actions.
 * event → zod → identity → service → `{ ok: true, data }` or `{ ok: false, code, message }`.
 */
export function createHandler(fn: string, actions: ActionTable): Handler {
  return async (event, ctx) => {
    const envelope = CallEvent.safeParse(event)
    if (!envelope.success) return badRequest(envelope.error.issues[0], [])

    const { action: name, payload } = envelope.data
    const action = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined
    if (!action) return { ok: false, code: ErrorCode.UNKNOWN_ACTION, message: `未知操作：${fn}.${name}`, field: 'action' }

    const input = action.input.safeParse(payload ?? {})
    if (!input.success) return badRequest(input.error.issues[0], ['payload'])

    try {
      if (action.access === 'signed-in') {
        if (!ctx.openid) return { ok: false, code: ErrorCode.UNAUTHENTICATED, message: '请先登录' }
        return ok(await action.run(input.data, { ...ctx, openid: ctx.openid }))
      }
      return ok(await action.run(input.data, ctx))
    } catch (e) {
      if (e instanceof AppError) return e.toFailure()
      // The stack stays in the function's log; the phone gets a stable code and a sentence.
      console.error(`[${fn}.${name}]`, e)
      return { ok: false, code: ErrorCode.INTERNAL, message: '服务暂时不可用，请稍后重试' }
    }
  }
}

function badRequest(issue: z.core.$ZodIssue | undefined, prefix: PropertyKey[]): Failure {
  if (!issue) return { ok: false, code: ErrorCode.BAD_REQUEST, message: '请求格式不正确' }
  const path = [...prefix, ...issue.path]
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
  const field = keys.length > 0 ? fieldOf([...path, keys[0] ?? '']) : fieldOf(path)
  const message = field ? `${field}：${issue.message}` : issue.message
  return { ok: false, code: ErrorCode.BAD_REQUEST, message, ...(field ? { field } : {}) }
}
