/**
 * Small helpers so one migration text runs on SQLite and on MySQL.
 * Column types are chosen to mean the same on both: SQLite maps `varchar(n)`/`mediumtext` to TEXT
 * affinity, `bigint`/`integer` to INTEGER and `double precision` to REAL.
 */
import { MysqlAdapter, sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely'

export const isMysql = <DB>(db: Kysely<DB>): boolean => db.getExecutor().adapter instanceof MysqlAdapter

/** ids made by ids.ts (prefix + 26 chars) fit with room to spare. */
export const ID = 'varchar(40)' as const
/** WeChat openids are 28 characters; demo personas are shorter. */
export const OPENID = 'varchar(64)' as const
/** Up to 16 MB on MySQL, where plain `text` stops at 64 KB; SQLite has no limit to mirror. */
export const MEDIUMTEXT: RawBuilder<unknown> = sql`mediumtext`

/**
 * MySQL tables are utf8mb4 with a binary collation, so string comparison, uniqueness and order
 * are byte-wise as in SQLite: two openids that differ only in case stay two openids.
 */
export function createTable<TB extends string>(
  db: Kysely<unknown>,
  name: TB
): CreateTableBuilder<TB, never> {
  const table = db.schema.createTable(name)
  return isMysql(db)
    ? table.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`)
    : table
}
