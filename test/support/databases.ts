/**
 * Real databases for integration tests: SQLite always, MySQL when TEST_MYSQL_URL names a server
 * (e.g. mysql://root@127.0.0.1:3306/test). Every open gets its own scratch database, gone on close.
 *
 *   describe.each(testDatabases())('$name', ({ open }) => { … })
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { openDatabase, type OpenedDatabase } from '../../cloudfunctions/shared/db/open'
import { migrateToLatest } from '../../cloudfunctions/shared/db/migrations'

export interface TestDatabase {
  name: 'sqlite' | 'mysql'
  /** A fresh, migrated database (pass `{ migrate: false }` for an empty one); close() discards it. */
  open(opts?: { migrate?: boolean }): Promise<OpenedDatabase>
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'sqlite', open: (opts) => openScratch(scratchSqlite(), opts) }]
  const server = process.env.TEST_MYSQL_URL
  if (server !== undefined && server !== '') {
    list.push({ name: 'mysql', open: (opts) => openScratch(scratchMysql(server), opts) })
  }
  return list
}

export interface Scratch {
  /** What to pass to openDatabase. */
  options: { url?: string; dataDir?: string }
  discard(): Promise<void>
}

async function openScratch(pending: Promise<Scratch>, opts?: { migrate?: boolean }): Promise<OpenedDatabase> {
  const scratch = await pending
  let opened: OpenedDatabase
  try {
    opened = await openDatabase(scratch.options)
    if (opts?.migrate !== false) await migrateToLatest(opened.db)
  } catch (cause) {
    await scratch.discard()
    throw cause
  }
  const close = opened.close
  let closed = false
  return {
    ...opened,
    async close() {
      if (closed) return
      closed = true
      try {
        await close()
      } finally {
        await scratch.discard()
      }
    }
  }
}

/** A new empty folder to use as the data folder. */
export async function scratchSqlite(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'xj-db-'))
  return {
    options: { dataDir: dir },
    discard: () => rm(dir, { recursive: true, force: true })
  }
}

const SCRATCH_PREFIX = 'xj_t_'
/** Scratch databases left by a crashed run are dropped once they are this old. */
const STALE_MS = 60 * 60 * 1000

/** A new empty database on the TEST_MYSQL_URL server, utf8mb4 like CloudBase's. */
export async function scratchMysql(serverUrl: string): Promise<Scratch> {
  const name = `${SCRATCH_PREFIX}${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`
  const admin = await createConnection({ uri: serverUrl })
  try {
    await dropStale(admin)
    await admin.query(`create database \`${name}\` character set utf8mb4 collate utf8mb4_bin`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    options: { url: url.toString() },
    async discard() {
      const conn = await createConnection({ uri: serverUrl })
      try {
        await conn.query(`drop database if exists \`${name}\``)
      } finally {
        await conn.end()
      }
    }
  }
}

async function dropStale(admin: Awaited<ReturnType<typeof createConnection>>): Promise<void> {
  const [rows] = await admin.query('show databases')
  if (!Array.isArray(rows)) return
  for (const row of rows) {
    const name: unknown = typeof row === 'object' && row !== null ? Object.values(row)[0] : undefined
    if (typeof name !== 'string' || !name.startsWith(SCRATCH_PREFIX)) continue
    const born = parseInt(name.slice(SCRATCH_PREFIX.length).split('_')[0] ?? '', 36)
    if (Number.isFinite(born) && Date.now() - born > STALE_MS) {
      await admin.query(`drop database if exists \`${name}\``)
    }
  }
}
