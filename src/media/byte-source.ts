import { ErrorCode } from '../core/errors'
import { VideoReadError } from './errors'

/**
 * Random access to a file's bytes, wherever it lives. `read` returns at most `length` bytes
 * (fewer only at the end of the file); the result may be a view into a shared buffer, so
 * readers copy before they modify.
 */
export interface ByteSource {
  size(): Promise<number>
  read(offset: number, length: number): Promise<Uint8Array>
}

const clamp = (size: number, offset: number, length: number): [number, number] => {
  const start = Math.min(Math.max(0, offset), size)
  return [start, Math.min(size, start + Math.max(0, length))]
}

/** Bytes already in memory: tests, and a cloud function handed a buffer. */
export const bytesSource = (data: Uint8Array): ByteSource => ({
  size: async () => data.byteLength,
  read: async (offset, length) => {
    const [start, end] = clamp(data.byteLength, offset, length)
    return data.subarray(start, end)
  }
})

/** A Blob or File (H5: the video the speaker just picked); only the slices asked for are loaded. */
export const blobSource = (blob: Blob): ByteSource => ({
  size: async () => blob.size,
  read: async (offset, length) => {
    const [start, end] = clamp(blob.size, offset, length)
    if (end <= start) return new Uint8Array(0)
    try {
      return new Uint8Array(await blob.slice(start, end).arrayBuffer())
    } catch (cause) {
      throw new VideoReadError('读取所选视频失败，请重新选择文件。', ErrorCode.INTERNAL, cause)
    }
  }
})

export interface HttpSourceOptions {
  /** Injected for tests and for runtimes whose global fetch needs wrapping. */
  fetch?: typeof fetch
  headers?: Record<string, string>
  /** Per request; a stalled storage server must not hang a check. */
  timeoutMs?: number
}

const CONTENT_RANGE = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+)\s*$/i

/**
 * A stored upload reached over HTTP with Range requests. The server must honour Range: one that
 * answers 200 with the whole body is refused rather than downloaded.
 */
export const httpSource = (url: string, options: HttpSourceOptions = {}): ByteSource => {
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 15_000
  let sizePromise: Promise<number> | undefined

  const request = async (first: number, last: number): Promise<Response> => {
    let res: Response
    try {
      res = await doFetch(url, {
        headers: { ...options.headers, Range: `bytes=${first}-${last}` },
        signal: AbortSignal.timeout(timeoutMs)
      })
    } catch (cause) {
      throw new VideoReadError('读取存储中的视频失败（网络错误或超时），请稍后重试。', ErrorCode.INTERNAL, cause)
    }
    if (res.status === 404) {
      await res.body?.cancel()
      throw new VideoReadError('存储中找不到这个视频。', ErrorCode.NOT_FOUND)
    }
    if (res.status !== 206 && res.status !== 416) {
      await res.body?.cancel()
      throw new VideoReadError(`读取存储中的视频失败（HTTP ${res.status}，需要支持 Range 的分段读取）。`)
    }
    return res
  }

  /** Reads at most `limit` body bytes, so a misbehaving server cannot make us buffer a whole video. */
  const body = async (res: Response, limit: number): Promise<Uint8Array> => {
    const out = new Uint8Array(limit)
    let filled = 0
    const reader = res.body?.getReader()
    if (reader === undefined) return out.subarray(0, 0)
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        const take = Math.min(value.byteLength, limit - filled)
        out.set(value.subarray(0, take), filled)
        filled += take
        if (filled >= limit) break
      }
    } catch (cause) {
      throw new VideoReadError('读取存储中的视频失败（连接中断），请稍后重试。', ErrorCode.INTERNAL, cause)
    } finally {
      await reader.cancel().catch(() => undefined)
    }
    return out.subarray(0, filled)
  }

  const size = (): Promise<number> => {
    sizePromise ??= (async () => {
      const res = await request(0, 0)
      await res.body?.cancel()
      const match = CONTENT_RANGE.exec(res.headers.get('content-range') ?? '')
      const total = match?.[3]
      if (total === undefined) throw new VideoReadError('存储服务器没有返回视频大小（Content-Range），无法检查视频。')
      return Number(total)
    })()
    // A failed probe may be transient: let the next call try again.
    sizePromise.catch(() => {
      sizePromise = undefined
    })
    return sizePromise
  }

  return {
    size,
    read: async (offset, length) => {
      const total = await size()
      const [start, end] = clamp(total, offset, length)
      if (end <= start) return new Uint8Array(0)
      const res = await request(start, end - 1)
      if (res.status !== 206) {
        await res.body?.cancel()
        throw new VideoReadError(`读取存储中的视频失败（HTTP ${res.status}）。`)
      }
      const match = CONTENT_RANGE.exec(res.headers.get('content-range') ?? '')
      if (match !== null && match[1] !== undefined && Number(match[1]) !== start) {
        await res.body?.cancel()
        throw new VideoReadError('存储服务器返回了错误的分段，无法检查视频。')
      }
      return body(res, end - start)
    }
  }
}
