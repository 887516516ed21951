import Taro from '@tarojs/taro'
import type { Result } from '../../core/errors'

/** WeChat transport: CloudBase puts the caller's OPENID into the function's context itself. */
export function initCloud(): void {
  Taro.cloud.init({ traceUser: true })
}

export async function invoke(fn: string, event: { action: string; payload: unknown }): Promise<Result<unknown>> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: event })
    const result = res.result as Result<unknown> | undefined
    if (result && typeof result === 'object' && 'ok' in result) return result
    return { ok: false, code: 'INTERNAL', message: '云函数返回了无法识别的内容' }
  } catch {
    return { ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }
  }
}
