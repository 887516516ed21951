/**
 * Versioned migrations, imported statically: each cloud function is bundled by esbuild and has no
 * migrations folder on disk to scan. Add a migration by writing `NNN_name.ts` and listing it here;
 * never edit one that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely'
import * as m001 from './001_foundation'

export const migrations: Readonly<Record<string, Migration>> = {
  '001_foundation': m001
}

const provider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations })
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string | null,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'MigrationError'
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/**
 * Brings the schema to the latest migration. SQLite runs each migration in a transaction; MySQL
 * cannot roll DDL back, so a failure there may leave a half-made migration to clean up by hand.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error === undefined) return
  const failed = results?.find((r: MigrationResult) => r.status === 'Error')
  const name = failed?.migrationName ?? null
  throw new MigrationError(
    name === null
      ? `数据库迁移失败（migration failed）：${describe(error)}`
      : `数据库迁移 ${name} 失败（migration ${name} failed）：${describe(error)}`,
    name,
    { cause: error }
  )
}
