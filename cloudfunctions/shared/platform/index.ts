import { ErrorCode, type Result } from '../../../src/core/errors'
import type { Handler } from '../kit/handler'
import type { Deps } from '../ports'

/** Where a function runs: which adapters serve it and how the caller's identity is read. */
export interface Platform {
  deps: Deps
  /** The caller's openid from the invocation context (CloudBase: getWXContext), never from the event. */
  identity(context: unknown): string | null
}

// The local runner registers itself here before it loads the bundles: it *is* the cloud locally.
const LOCAL_CLOUD = Symbol.for('xuanjiang.localCloud')

export function registerLocalCloud(platform: Platform | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[LOCAL_CLOUD] = platform
}

function localCloud(): Platform | undefined {
  return (globalThis as Record<symbol, unknown>)[LOCAL_CLOUD] as Platform | undefined
}

/** The exported `main(event, context)` of a deployed function. */
export function toCloudMain(handler: Handler): (event: unknown, context: unknown) => Promise<Result<unknown>> {
  let cloudbase: Promise<Platform> | undefined
  return async (event, context) => {
    let platform = localCloud()
    if (!platform) {
      // One platform per cold start; a failed start (e.g. database unreachable) is retried next call.
      cloudbase ??= import('./cloudbase').then((m) => m.createCloudBasePlatform())
      try {
        platform = await cloudbase
      } catch (e) {
        cloudbase = undefined
        console.error('[platform] start failed', e)
        return { ok: false, code: ErrorCode.INTERNAL, message: '服务启动失败，请稍后重试' }
      }
    }
    return handler(event, { openid: platform.identity(context), deps: platform.deps })
  }
}
