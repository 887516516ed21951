/**
 * Opens the database the deployment asks for: MySQL when the url says `mysql://` (CloudBase),
 * otherwise the embedded SQLite file. Both drivers are loaded lazily, so a MySQL-only bundle never
 * needs better-sqlite3's native module (mark it external in the bundler).
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect, sql } from 'kysely'
import type BetterSqlite3 from 'better-sqlite3'
import type { Database, Db } from './schema'

export const DEFAULT_DATA_DIR = './.data'
export const SQLITE_FILE_NAME = 'xuanjiang.db'

export interface OpenDatabaseOptions {
  /** `mysql://user:pass@host:port/db`, a SQLite path, or `sqlite:PATH`. Empty → the data folder. */
  url?: string
  /** Where the SQLite file lives when no url is given; created if missing. Default `./.data`. */
  dataDir?: string
}

export interface OpenedDatabase {
  db: Db
  dialect: 'sqlite' | 'mysql'
  /** The SQLite file's absolute path, or the MySQL url without its password. */
  location: string
  /** Checkpoints (SQLite) and closes every connection; safe to call twice. */
  close(): Promise<void>
}

/** The SQLite file cannot be used as it is. The file is left untouched for a person to look at. */
export class DatabaseFileError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'DatabaseFileError'
  }
}

/** The MySQL server could not be reached or refused us. */
export class DatabaseConnectionError extends Error {
  constructor(
    readonly location: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'DatabaseConnectionError'
  }
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const url = opts.url?.trim() ?? ''
  if (url.startsWith('mysql://')) return openMysql(url)
  if (url !== '' && !url.startsWith('sqlite:') && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`不支持的数据库地址（unsupported database url）：${redactUrl(url)}`)
  }
  return openSqlite(sqlitePath(url, opts.dataDir))
}

/** The absolute SQLite path that `openDatabase` would use for these options. */
export function sqlitePath(url: string | undefined, dataDir: string | undefined): string {
  const fromUrl = (url ?? '').replace(/^sqlite:(\/\/)?/, '')
  if (fromUrl === ':memory:') return fromUrl
  if (fromUrl !== '') return resolve(fromUrl)
  return resolve(dataDir === undefined || dataDir === '' ? DEFAULT_DATA_DIR : dataDir, SQLITE_FILE_NAME)
}

// ---------------------------------------------------------------------------------------------
// SQLite

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')
const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

function corrupt(file: string, reason: string, cause?: unknown): DatabaseFileError {
  return new DatabaseFileError(
    file,
    `数据库文件损坏或不是 SQLite 数据库：${file}（${reason}）。文件未被改动，请移走或修复后再启动。` +
      ` (database file is corrupt or not a SQLite database: ${file}; ${reason}; the file was left untouched)`,
    { cause }
  )
}

/** The `code` of a Node or better-sqlite3 error (ENOENT, SQLITE_NOTADB, …). */
function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined
  const code: unknown = cause.code
  return typeof code === 'string' ? code : undefined
}

function isCorruption(cause: unknown): boolean {
  const code = errorCode(cause)
  return code !== undefined && [...CORRUPTION_CODES].some((c) => code.startsWith(c))
}

/**
 * Whether there is an existing database to verify. The 16-byte header is read with plain fs, so a
 * foreign file is refused before SQLite touches it.
 */
function existingDatabase(file: string): boolean {
  let size: number
  try {
    const stat = statSync(file)
    if (stat.isDirectory()) {
      throw new DatabaseFileError(file, `数据库路径是一个文件夹：${file} (database path is a directory)`)
    }
    size = stat.size
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return false
    throw cause
  }
  if (size === 0) return false // SQLite treats an empty file as an empty database
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.equals(SQLITE_HEADER)) throw corrupt(file, 'file is not a database')
  return true
}

/**
 * Reads the schema and runs quick_check on a read-only connection of its own: nothing can be
 * written to a file that fails, and the checks leave no statement state on the working connection.
 * Errors other than corruption (e.g. a read-only folder) are left for the working open to report.
 */
function verifyExisting(Database: typeof BetterSqlite3, file: string): void {
  let probe: BetterSqlite3.Database
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true })
  } catch (cause) {
    if (isCorruption(cause)) throw corrupt(file, errorText(cause), cause)
    return
  }
  try {
    probe.prepare('select count(*) as n from sqlite_master').all()
    const problems = probe.prepare('pragma quick_check').pluck().all()
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw corrupt(file, `quick_check: ${problems.slice(0, 3).map(String).join('; ')}`)
    }
  } catch (cause) {
    if (cause instanceof DatabaseFileError) throw cause
    if (isCorruption(cause)) throw corrupt(file, errorText(cause), cause)
  } finally {
    probe.close()
  }
}

async function loadBetterSqlite(): Promise<typeof BetterSqlite3> {
  const mod = await import('better-sqlite3')
  return mod.default
}

const cannotOpen = (file: string, cause: unknown): DatabaseFileError =>
  new DatabaseFileError(file, `无法打开数据库文件：${file}（${errorText(cause)}） (cannot open the database file)`, { cause })

async function openSqlite(file: string): Promise<OpenedDatabase> {
  const inMemory = file === ':memory:'
  const Database = await loadBetterSqlite()
  if (!inMemory) {
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (cause) {
      throw new DatabaseFileError(
        file,
        `无法创建数据目录：${dirname(file)}（${errorText(cause)}） (cannot create the data folder)`,
        { cause }
      )
    }
    if (existingDatabase(file)) verifyExisting(Database, file)
  }

  let raw: BetterSqlite3.Database
  try {
    raw = new Database(file)
  } catch (cause) {
    throw cannotOpen(file, cause)
  }
  try {
    // Still a read first: the first write below (journal mode) must not reach a foreign file.
    raw.prepare('select count(*) as n from sqlite_master').all()
    raw.pragma('journal_mode = WAL')
    raw.pragma('busy_timeout = 5000')
    raw.pragma('synchronous = NORMAL')
  } catch (cause) {
    raw.close()
    throw isCorruption(cause) ? corrupt(file, errorText(cause), cause) : cannotOpen(file, cause)
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  let closed = false
  return {
    db,
    dialect: 'sqlite',
    location: file,
    async close() {
      if (closed) return
      closed = true
      // Fold the WAL back into the main file so the folder holds one self-contained file. Closing
      // the last connection checkpoints as well, so a busy checkpoint here is no reason to fail.
      if (!inMemory) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db).catch(() => undefined)
      await db.destroy()
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MySQL

/**
 * MySQL 8's default mode (CloudBase), set explicitly so MariaDB in tests rejects the same queries:
 * strict inserts (no silent truncation) and ONLY_FULL_GROUP_BY.
 */
const SESSION_SETUP =
  "set session sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE," +
  "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'"

/** The url without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')
  }
}

async function openMysql(url: string): Promise<OpenedDatabase> {
  const location = redactUrl(url)
  const mysql = await import('mysql2')
  // Options given in the url's query (e.g. ?connectionLimit=2) override these.
  const pool = mysql.createPool({
    uri: url,
    timezone: '+00:00',
    charset: 'utf8mb4',
    // bigint timestamps and counts arrive as JS numbers; SUM/AVG decimals too.
    supportBigNumbers: false,
    decimalNumbers: true,
    connectionLimit: 10
  })
  const db = new Kysely<Database>({
    dialect: new MysqlDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(SESSION_SETUP))
      }
    })
  })
  try {
    await sql`select 1`.execute(db)
  } catch (cause) {
    await db.destroy().catch(() => undefined)
    throw new DatabaseConnectionError(
      location,
      `无法连接 MySQL 数据库：${location}（${errorText(cause)}） (cannot connect to MySQL)`,
      { cause }
    )
  }
  let closed = false
  return {
    db,
    dialect: 'mysql',
    location,
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    }
  }
}

