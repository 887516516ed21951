import Taro from '@tarojs/taro'
import type { Role } from '../core/api'

export interface Persona {
  openid: string
  name: string
  role: Role
  unitName: string | null
}

/** Seeded personas offered by the local runner's dev login; absent in production. */
export async function listPersonas(): Promise<Persona[]> {
  const res = await Taro.request<{ ok: boolean; data?: Persona[]; message?: string }>({ url: '/api/dev/personas', method: 'GET' })
  if (res.statusCode !== 200 || !res.data.ok || !Array.isArray(res.data.data)) {
    throw new Error(res.data.message ?? '本地开发登录不可用')
  }
  return res.data.data
}
