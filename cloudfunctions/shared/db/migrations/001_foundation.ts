/**
 * The whole contest schema, for SQLite and MySQL alike (no dialect-specific SQL besides the table
 * options in ddl.ts). No foreign keys: services own referential rules, and both engines then
 * behave the same on delete and on reset.
 */
import type { Kysely } from 'kysely'
import { createTable, ID, MEDIUMTEXT, OPENID } from './ddl'

const NAME = 'varchar(100)' as const
const TITLE = 'varchar(200)' as const
const CODE = 'varchar(32)' as const
const PHONE = 'varchar(20)' as const

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'users')
    .addColumn('openid', OPENID, (c) => c.primaryKey())
    .addColumn('nickname', NAME, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await createTable(db, 'campaigns')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', TITLE, (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('organizer_name', NAME, (c) => c.notNull())
    .addColumn('stage', CODE, (c) => c.notNull())
    .addColumn('rules', MEDIUMTEXT, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await createTable(db, 'campaign_stages')
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('stage', CODE, (c) => c.notNull())
    .addColumn('opens_at', 'bigint', (c) => c.notNull())
    .addColumn('deadline_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_stages_pk', ['campaign_id', 'stage'])
    .execute()

  await createTable(db, 'tracks')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('name', TITLE, (c) => c.notNull())
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('tracks_campaign_idx').on('tracks').columns(['campaign_id', 'sort']).execute()

  await createTable(db, 'topics')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('track_id', ID)
    .addColumn('title', TITLE, (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('topics_campaign_idx').on('topics').columns(['campaign_id', 'sort']).execute()

  await createTable(db, 'units')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('name', TITLE, (c) => c.notNull())
    .addColumn('quota', 'integer')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('units_campaign_idx').on('units').columns(['campaign_id', 'sort']).execute()

  await createTable(db, 'branches')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('unit_id', ID, (c) => c.notNull())
    .addColumn('name', TITLE, (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('branches_unit_idx').on('branches').columns(['unit_id', 'sort']).execute()

  await createTable(db, 'members')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('openid', OPENID, (c) => c.notNull())
    .addColumn('role', CODE, (c) => c.notNull())
    .addColumn('unit_id', ID)
    .addColumn('branch_id', ID)
    .addColumn('name', NAME, (c) => c.notNull())
    .addColumn('phone', PHONE)
    .addColumn('title', TITLE)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('members_campaign_openid_role_uq', ['campaign_id', 'openid', 'role'])
    .execute()
  // "the judges of a campaign", "the secretaries of a unit"
  await db.schema.createIndex('members_campaign_role_idx').on('members').columns(['campaign_id', 'role', 'unit_id']).execute()
  // "which campaigns am I in", at login
  await db.schema.createIndex('members_openid_idx').on('members').column('openid').execute()

  await createTable(db, 'entries')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('track_id', ID, (c) => c.notNull())
    .addColumn('topic_id', ID)
    .addColumn('unit_id', ID, (c) => c.notNull())
    .addColumn('branch_id', ID)
    .addColumn('speaker_openid', OPENID, (c) => c.notNull())
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('title', TITLE, (c) => c.notNull())
    .addColumn('form', MEDIUMTEXT, (c) => c.notNull())
    .addColumn('phone', PHONE, (c) => c.notNull())
    .addColumn('endorsement', MEDIUMTEXT)
    .addColumn('script', MEDIUMTEXT)
    .addColumn('script_status', CODE)
    .addColumn('script_updated_at', 'bigint')
    .addColumn('video_file_id', ID)
    .addColumn('video_facts', MEDIUMTEXT)
    .addColumn('video_verdict', MEDIUMTEXT)
    .addColumn('recommended_by', OPENID)
    .addColumn('recommended_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entries_campaign_unit_idx').on('entries').columns(['campaign_id', 'unit_id']).execute()
  await db.schema.createIndex('entries_campaign_speaker_idx').on('entries').columns(['campaign_id', 'speaker_openid']).execute()
  await db.schema.createIndex('entries_campaign_status_idx').on('entries').columns(['campaign_id', 'status']).execute()

  await createTable(db, 'judge_assignments')
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('round', CODE, (c) => c.notNull())
    .addColumn('entry_id', ID, (c) => c.notNull())
    .addColumn('judge_openid', OPENID, (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('judge_assignments_pk', ['round', 'entry_id', 'judge_openid'])
    .execute()
  // "my entries to score in this round"
  await db.schema
    .createIndex('judge_assignments_judge_idx')
    .on('judge_assignments')
    .columns(['campaign_id', 'judge_openid', 'round'])
    .execute()

  await createTable(db, 'scores')
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('round', CODE, (c) => c.notNull())
    .addColumn('entry_id', ID, (c) => c.notNull())
    .addColumn('judge_openid', OPENID, (c) => c.notNull())
    .addColumn('criterion', CODE, (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scores_pk', ['entry_id', 'round', 'judge_openid', 'criterion'])
    .execute()
  await db.schema.createIndex('scores_campaign_round_idx').on('scores').columns(['campaign_id', 'round']).execute()

  // Two keys make "one vote per entry per day" and "at most cap votes per day" hold under races:
  // the second of two concurrent inserts fails instead of both passing a count check.
  await createTable(db, 'votes')
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('entry_id', ID, (c) => c.notNull())
    .addColumn('voter_openid', OPENID, (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['entry_id', 'voter_openid', 'day'])
    .addUniqueConstraint('votes_voter_day_slot_uq', ['campaign_id', 'voter_openid', 'day', 'slot'])
    .execute()
  // the leaderboard counts votes per entry of a campaign
  await db.schema.createIndex('votes_campaign_entry_idx').on('votes').columns(['campaign_id', 'entry_id']).execute()

  await createTable(db, 'results')
    .addColumn('campaign_id', ID, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', OPENID, (c) => c.notNull())
    .addColumn('snapshot', MEDIUMTEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint('results_pk', ['campaign_id', 'version'])
    .execute()

  await createTable(db, 'audit_log')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('campaign_id', ID)
    .addColumn('actor_openid', OPENID, (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('target_type', CODE, (c) => c.notNull())
    .addColumn('target_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('before', MEDIUMTEXT)
    .addColumn('after', MEDIUMTEXT)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_campaign_at_idx').on('audit_log').columns(['campaign_id', 'at']).execute()

  await createTable(db, 'files')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('owner_openid', OPENID, (c) => c.notNull())
    .addColumn('purpose', CODE, (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', NAME, (c) => c.notNull())
    .addColumn('storage_key', 'varchar(512)', (c) => c.notNull())
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('files_owner_idx').on('files').columns(['owner_openid', 'created_at']).execute()

  await createTable(db, 'inbox')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('openid', OPENID, (c) => c.notNull())
    .addColumn('campaign_id', ID)
    .addColumn('kind', CODE, (c) => c.notNull())
    .addColumn('title', TITLE, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(255)')
    .addColumn('read_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inbox_openid_created_idx').on('inbox').columns(['openid', 'created_at']).execute()

  await createTable(db, 'outbox')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('openid', OPENID, (c) => c.notNull())
    .addColumn('template', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', MEDIUMTEXT, (c) => c.notNull())
    .addColumn('status', CODE, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute()
  // the sender picks the oldest pending messages
  await db.schema.createIndex('outbox_status_created_idx').on('outbox').columns(['status', 'created_at']).execute()
}

export const TABLES_001 = [
  'users',
  'campaigns',
  'campaign_stages',
  'tracks',
  'topics',
  'units',
  'branches',
  'members',
  'entries',
  'judge_assignments',
  'scores',
  'votes',
  'results',
  'audit_log',
  'files',
  'inbox',
  'outbox'
] as const

export async function down(db: Kysely<unknown>): Promise<void> {
  // Indexes go with their tables on both engines.
  for (const table of [...TABLES_001].reverse()) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
