import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../core/api'
import type { ErrorCode } from '../../core/errors'
import { initCloud, invoke } from './transport'

export { initCloud }

/** A failed call, carrying the cloud's stable code and its Chinese message for the user. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string
  ) {
    super(message)
    this.name = 'CallError'
  }
}

/** The one way the phone talks to the cloud, on every platform. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: ActionInput<F, A>
): Promise<ActionOutput<F, A>> {
  const result = await invoke(fn, { action, payload })
  if (!result.ok) throw new CallError(result.code, result.message, result.field)
  // The cloud's replies are typed by the same contracts in src/core/api.
  return result.data as ActionOutput<F, A>
}
