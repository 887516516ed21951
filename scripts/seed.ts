/**
 * `npm run seed`            migrate, then write the demo campaign if the database has none.
 * `npm run seed -- --reset` drop every table, migrate, write the demo campaign.
 * Uses DATABASE_URL (mysql://… or a SQLite path) or else DATA_DIR (default ./.data).
 */
import { migrateToLatest } from '../cloudfunctions/shared/db/migrations'
import { openDatabase } from '../cloudfunctions/shared/db/open'
import { listPersonas, resetDatabase, seedDemo } from '../cloudfunctions/shared/db/seed'

const USAGE = '用法：npm run seed [-- --reset]'

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== '--reset')
  if (unknown.length > 0) throw new Error(`未知参数：${unknown.join(' ')}。${USAGE}`)
  const reset = argv.includes('--reset')

  const opened = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR })
  try {
    console.log(`数据库：${opened.location}（${opened.dialect}）`)
    if (reset) {
      await resetDatabase(opened.db)
      console.log('已删除全部数据表。')
    }
    await migrateToLatest(opened.db)
    console.log('数据库结构已是最新。')

    const summary = await seedDemo(opened.db, { now: Date.now() })
    if (!summary.seeded) {
      console.log('数据库中已有活动，未写入演示数据（重建请加 --reset）。')
      return
    }
    const c = summary.counts
    console.log(
      `已写入演示活动 ${summary.campaignId ?? ''}：${c.tracks} 个赛道、${c.topics} 个选题、${c.units} 个单位、` +
        `${c.branches} 个支部、${c.members} 名成员、${c.entries} 份参赛作品。`
    )
    const personas = await listPersonas(opened.db)
    console.log('可登录的演示身份：')
    for (const p of personas) {
      console.log(`  ${p.openid.padEnd(22)} ${p.role.padEnd(10)} ${p.name}${p.unitName === null ? '' : ` · ${p.unitName}`}`)
    }
  } finally {
    await opened.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
