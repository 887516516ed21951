/**
 * Driver errors seen through one lens. Services lean on unique keys (votes, scores, members) and
 * turn a violation into a domain error instead of checking first and racing.
 */

const UNIQUE_CODES = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  // mysql2 / MySQL and MariaDB, errno 1062
  'ER_DUP_ENTRY'
])

/** True when an insert or update failed because a primary or unique key already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const code: unknown = error.code
  return typeof code === 'string' && UNIQUE_CODES.has(code)
}
