/**
 * `npm start`: the local cloud on the embedded default. Builds what is stale, opens (migrates,
 * and on first start seeds) the database, and serves the H5 app and the cloud functions on 127.0.0.1.
 * Environment: PORT (default 10086; 0 = any free port), DATA_DIR (default ./.data),
 * DATABASE_URL (mysql://… to use MySQL instead of SQLite), NODE_ENV, SKIP_BUILD=1.
 */
import path from 'node:path'
import { DatabaseFileError, openDatabase } from '../cloudfunctions/shared/db/open'
import { migrateToLatest } from '../cloudfunctions/shared/db/migrations'
import { seedDemo } from '../cloudfunctions/shared/db/seed'
import { ensureBuilds, functionsOutDir, h5OutDir } from './builds'
import { createLocalCloud } from './server'

const log = (line: string) => console.log(`[xuanjiang] ${line}`)

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 10086)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不是有效端口：${process.env.PORT}`)
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data')
  const production = process.env.NODE_ENV === 'production'

  if (process.env.SKIP_BUILD !== '1') await ensureBuilds(log)

  const opened = await openDatabase({ url: process.env.DATABASE_URL, dataDir })
  log(`数据库：${opened.dialect} ${opened.location}`)
  await migrateToLatest(opened.db)
  const seeded = await seedDemo(opened.db, { now: Date.now() })
  if (seeded.seeded) log('首次启动：已生成演示活动「大学习 走在前·千名支部书记微宣讲」')

  const cloud = createLocalCloud({ db: opened.db, dataDir, h5Dir: h5OutDir, functionsDir: functionsOutDir, production })
  let address: string
  try {
    address = await cloud.listen(port)
  } catch (e) {
    await opened.close()
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`端口 ${port} 已被占用：请关闭占用它的程序，或用 PORT=其他端口 npm start`)
    }
    throw e
  }
  log(`本地云已启动：${address}`)
  if (!production) log(`打开上面的地址，在「我的」里选择演示身份`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    log(`收到 ${signal}，正在关闭…`)
    // In-flight requests finish first; then the database checkpoints, so nothing committed is lost.
    cloud
      .close()
      .then(() => opened.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e)
          process.exit(1)
        }
      )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((e: unknown) => {
  if (e instanceof DatabaseFileError) console.error(`[xuanjiang] 启动失败：${e.message}`)
  else console.error(`[xuanjiang] 启动失败：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
