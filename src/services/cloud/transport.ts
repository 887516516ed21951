import Taro from '@tarojs/taro'
import type { Failure, Result } from '../../core/errors'
import { getDevOpenId } from '../dev-identity'

/**
 * H5 transport: the local cloud runner serves each function at POST /api/fn/<name>.
 * The weapp build resolves transport.weapp.ts instead (Taro picks platform files by suffix).
 */
export function initCloud(): void {
  // Nothing to initialise: the runner is the page's own origin.
}

export async function invoke(fn: string, event: { action: string; payload: unknown }): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = getDevOpenId()
  if (openid) headers['X-Dev-OpenId'] = openid
  try {
    const res = await Taro.request<Result<unknown>>({
      url: `/api/fn/${encodeURIComponent(fn)}`,
      method: 'POST',
      header: headers,
      data: event,
      dataType: 'json'
    })
    if (isResult(res.data)) return res.data
    return unreachable(`服务返回了无法识别的内容（HTTP ${res.statusCode}）`)
  } catch {
    return unreachable('网络连接失败，请检查网络后重试')
  }
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean'
}

function unreachable(message: string): Failure {
  return { ok: false, code: 'INTERNAL', message }
}
