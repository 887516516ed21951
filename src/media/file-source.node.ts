import { open, stat } from 'node:fs/promises'
import { ErrorCode } from '../core/errors'
import type { ByteSource } from './byte-source'
import { VideoReadError } from './errors'

const readError = (path: string, cause: unknown): VideoReadError => {
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : ''
  if (code === 'ENOENT') return new VideoReadError(`找不到文件：${path}`, ErrorCode.NOT_FOUND, cause)
  if (code === 'EISDIR') return new VideoReadError(`这是一个文件夹，不是视频文件：${path}`, ErrorCode.BAD_REQUEST, cause)
  if (code === 'EACCES' || code === 'EPERM') return new VideoReadError(`没有权限读取文件：${path}`, ErrorCode.FORBIDDEN, cause)
  return new VideoReadError(`读取文件失败：${path}（${code || String(cause)}）`, ErrorCode.INTERNAL, cause)
}

/**
 * A file on a Node disk (CLI, benchmark, local runner). Opens per read so nothing needs closing:
 * a check makes a handful of reads, and a forgotten handle would outlive it.
 */
export const fileSource = (path: string): ByteSource => {
  let sizePromise: Promise<number> | undefined
  const size = (): Promise<number> => {
    sizePromise ??= stat(path).then(
      (s) => {
        if (s.isDirectory()) throw readError(path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }))
        return s.size
      },
      (cause: unknown) => {
        throw readError(path, cause)
      }
    )
    return sizePromise
  }
  return {
    size,
    read: async (offset, length) => {
      const total = await size()
      const start = Math.min(Math.max(0, offset), total)
      const wanted = Math.max(0, Math.min(length, total - start))
      if (wanted === 0) return new Uint8Array(0)
      let handle
      try {
        handle = await open(path, 'r')
      } catch (cause) {
        throw readError(path, cause)
      }
      try {
        const out = new Uint8Array(wanted)
        let filled = 0
        while (filled < wanted) {
          const { bytesRead } = await handle.read(out, filled, wanted - filled, start + filled)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        return out.subarray(0, filled)
      } catch (cause) {
        throw readError(path, cause)
      } finally {
        await handle.close()
      }
    }
  }
}
