import cloud from 'wx-server-sdk'
import { openDatabase } from '../db/open'
import { systemClock, type FileStorage } from '../ports'
import { wechatContentCheck } from '../adapters/wechat-content-check'
import type { Platform } from './index'

/**
 * WeChat CloudBase: identity from getWXContext, CloudBase MySQL through DATABASE_URL,
 * cloud storage (COS) read by HTTP Range on a temporary URL.
 */
export async function createCloudBasePlatform(): Promise<Platform> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const url = process.env.DATABASE_URL
  if (!url || !url.startsWith('mysql://')) {
    throw new Error('DATABASE_URL must be a mysql:// URL of the CloudBase MySQL instance')
  }
  const { db } = await openDatabase({ url })
  return {
    deps: { db, clock: systemClock, storage: cloudStorage(), contentCheck: wechatContentCheck(cloud.openapi.security) },
    identity: () => cloud.getWXContext().OPENID || null
  }
}

function cloudStorage(): FileStorage {
  const urlOf = async (fileId: string): Promise<string | null> => {
    const res = await cloud.getTempFileURL({ fileList: [fileId] })
    const file = res.fileList[0]
    return file && file.status === 0 ? file.tempFileURL : null
  }
  return {
    async size(fileId) {
      const url = await urlOf(fileId)
      if (!url) return null
      const res = await fetch(url, { headers: { Range: 'bytes=0-0' } })
      const total = res.headers.get('content-range')?.split('/')[1]
      return total ? Number(total) : Number(res.headers.get('content-length') ?? NaN)
    },
    async read(fileId, offset, length) {
      const url = await urlOf(fileId)
      if (!url) throw new Error(`no such file: ${fileId}`)
      const res = await fetch(url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } })
      return new Uint8Array(await res.arrayBuffer())
    }
  }
}
