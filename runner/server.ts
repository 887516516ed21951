import { createReadStream, existsSync, mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { FileStore } from '@tus/file-store'
import { Server as TusServer } from '@tus/server'
import rangeParser from 'range-parser'
import sirv from 'sirv'
import type { Result } from '../src/core/errors'
import type { Db } from '../cloudfunctions/shared/db/schema'
import { listPersonas } from '../cloudfunctions/shared/db/seed'
import { registerLocalCloud } from '../cloudfunctions/shared/platform'
import { systemClock, type Clock } from '../cloudfunctions/shared/ports'
import { BodyTooLarge, readBody, sendJson } from './http-util'
import { localFileStorage } from './local-storage'
import { localContentCheckFromEnv } from '../cloudfunctions/shared/adapters/local-content-check'

export interface LocalCloudOptions {
  db: Db
  dataDir: string
  /** Built H5 app (dist/h5); not served when absent. */
  h5Dir: string | null
  /** Built cloud functions (dist/cloudfunctions). */
  functionsDir: string
  /** NODE_ENV=production: the dev identity is refused. */
  production: boolean
  clock?: Clock
  maxUploadBytes?: number
}

export interface LocalCloud {
  server: HttpServer
  listen(port: number, host?: string): Promise<string>
  close(): Promise<void>
}

type CloudMain = (event: unknown, context: unknown) => Promise<Result<unknown>>

const DEV_OPENID_HEADER = 'x-dev-openid'
const MAX_EVENT_BYTES = 1024 * 1024
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The local cloud: what CloudBase does for the weapp, done on 127.0.0.1 for the H5 app and tests.
 * Functions are the same bundles that deploy; identity goes into their context, never the event.
 */
export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  const { db, dataDir, production } = options
  const clock = options.clock ?? systemClock
  const uploadsDir = path.join(dataDir, 'uploads')
  mkdirSync(uploadsDir, { recursive: true })

  registerLocalCloud({
    deps: { db, clock, storage: localFileStorage(uploadsDir), contentCheck: localContentCheckFromEnv() },
    identity: (context) => {
      if (production) return null
      const openid = (context as { OPENID?: unknown } | null)?.OPENID
      return typeof openid === 'string' && openid.length > 0 ? openid : null
    }
  })

  const functions = new Map<string, CloudMain>()
  const loadFunction = (name: string): CloudMain | null => {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name)) return null
    const cached = functions.get(name)
    if (cached) return cached
    const file = path.join(options.functionsDir, name, 'index.js')
    if (!existsSync(file)) return null
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deployable CommonJS bundle, loaded as CloudBase would
    const mod = require(file) as { main?: CloudMain }
    if (typeof mod.main !== 'function') return null
    functions.set(name, mod.main)
    return mod.main
  }

  /** The caller as the dev login chose them; `undefined` when refused. */
  const devOpenId = (req: IncomingMessage): string | null | undefined => {
    const raw = req.headers[DEV_OPENID_HEADER]
    if (raw === undefined) return null
    if (production || typeof raw !== 'string' || !OPENID_PATTERN.test(raw)) return undefined
    return raw
  }

  const tus = new TusServer({
    path: '/api/uploads',
    datastore: new FileStore({ directory: uploadsDir }),
    maxSize: options.maxUploadBytes ?? 2 * 1024 ** 3,
    relativeLocation: true,
    allowedHeaders: ['X-Dev-OpenId'],
    onIncomingRequest: async (req) => {
      const openid = req.headers.get(DEV_OPENID_HEADER)
      if (!openid || production || !OPENID_PATTERN.test(openid)) {
        throw { status_code: 401, body: '请先登录后再上传\n' }
      }
    },
    onUploadCreate: async (req, upload) => {
      const openid = req.headers.get(DEV_OPENID_HEADER) ?? ''
      const now = clock.now()
      await db
        .insertInto('files')
        .values({
          id: upload.id,
          owner_openid: openid,
          purpose: (upload.metadata?.purpose ?? 'video').slice(0, 32),
          name: (upload.metadata?.filename ?? upload.id).slice(0, 200),
          size: upload.size ?? 0,
          mime: (upload.metadata?.filetype ?? 'application/octet-stream').slice(0, 100),
          storage_key: upload.id,
          status: 'uploading',
          created_at: now,
          updated_at: now
        })
        .execute()
      return {}
    },
    onUploadFinish: async (_req, upload) => {
      await db
        .updateTable('files')
        .set({ status: 'stored', size: upload.offset, updated_at: clock.now() })
        .where('id', '=', upload.id)
        .execute()
      return {}
    }
  })

  const serveApp = options.h5Dir && existsSync(options.h5Dir) ? sirv(options.h5Dir, { single: true, dev: false, etag: true }) : null

  const handleFunction = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'BAD_REQUEST', message: '请使用 POST 调用云函数' })
    const openid = devOpenId(req)
    if (openid === undefined) return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: '此环境不接受开发身份' })
    const main = loadFunction(name)
    if (!main) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有这个云函数：${name}` })
    let event: unknown
    try {
      const body = await readBody(req, MAX_EVENT_BYTES)
      event = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch (e) {
      const message = e instanceof BodyTooLarge ? '请求内容过大' : '请求体不是合法的 JSON'
      return sendJson(res, e instanceof BodyTooLarge ? 413 : 400, { ok: false, code: 'BAD_REQUEST', message })
    }
    // Like CloudBase: the function sees the caller only through its context.
    const result = await main(event, openid ? { OPENID: openid } : {})
    sendJson(res, 200, result)
  }

  const handleFile = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    const row = await db.selectFrom('files').select(['status', 'mime', 'size', 'name']).where('id', '=', id).executeTakeFirst()
    if (!row || row.status !== 'stored' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' })
    }
    const file = path.join(uploadsDir, id)
    const size = Number(row.size)
    const headers: Record<string, string | number> = { 'accept-ranges': 'bytes', 'content-type': row.mime, 'cache-control': 'private, max-age=3600' }
    const range = req.headers.range ? rangeParser(size, req.headers.range, { combine: true }) : null
    if (range === -1) {
      res.writeHead(416, { 'content-range': `bytes */${size}` })
      return res.end()
    }
    if (Array.isArray(range) && range.type === 'bytes' && range.length === 1 && range[0]) {
      const { start, end } = range[0]
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 })
      if (req.method === 'HEAD') return res.end()
      return createReadStream(file, { start, end }).pipe(res)
    }
    res.writeHead(200, { ...headers, 'content-length': size })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file).pipe(res)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const route = async () => {
      if (url.pathname.startsWith('/api/fn/')) return handleFunction(req, res, decodeURIComponent(url.pathname.slice('/api/fn/'.length)))
      if (url.pathname.startsWith('/api/uploads')) return tus.handle(req, res)
      if (url.pathname.startsWith('/api/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
        return handleFile(req, res, decodeURIComponent(url.pathname.slice('/api/files/'.length)))
      }
      if (url.pathname === '/api/dev/personas') {
        if (production) return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: '生产环境没有演示身份' })
        return sendJson(res, 200, { ok: true, data: await listPersonas(db) })
      }
      if (url.pathname.startsWith('/api/')) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '接口不存在' })
      if (serveApp) return serveApp(req, res, () => sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '页面不存在' }))
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'H5 应用尚未构建：npm run build:h5' })
    }
    route().catch((e: unknown) => {
      console.error('[runner]', req.method, url.pathname, e)
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' })
      else res.destroy()
    })
  })

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const addr = server.address() as AddressInfo
          resolve(`http://${host}:${addr.port}/`)
        })
      }),
    close: () =>
      new Promise((resolve) => {
        registerLocalCloud(undefined)
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

