/**
 * The database as Kysely sees it: one interface per table, named after the glossary.
 *
 * Conventions shared by SQLite and MySQL (see migrations/001_foundation.ts):
 * - ids are app-made strings (ids.ts), openids are WeChat's strings;
 * - every timestamp is an integer of milliseconds since the epoch (UTC), never a DATE column;
 * - booleans are integers 0/1;
 * - JSON lives in text columns (`JsonText`) and is parsed with zod by the service that owns it;
 * - columns that are optional on insert because the database fills them are `Generated`.
 * Stages, statuses and rounds are plain strings here: their allowed values and transitions belong
 * to src/core (the stage machine), not to the storage layer.
 */
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely'

/** Milliseconds since the epoch (UTC). */
export type Millis = number
/** A JSON document stored as text; parse it with the owning service's zod schema. */
export type JsonText = string

export type MemberRole = 'speaker' | 'secretary' | 'judge' | 'organizer' | 'audience'
export type FileStatus = 'uploading' | 'stored'

export interface UsersTable {
  openid: string
  nickname: string
  created_at: Millis
  /** Added: lets a profile edit be seen without reading the audit log. */
  updated_at: Millis
}

export interface CampaignsTable {
  id: string
  name: string
  summary: string
  /** Added: who runs the campaign, shown on every page (e.g. 机关工委宣传部). */
  organizer_name: string
  /** registration | preliminary | semifinal | final | published */
  stage: string
  /** Campaign rules as JSON (src/core/contest CampaignRules: quotas, rounds, votes, awards, video spec). */
  rules: JsonText
  created_at: Millis
  updated_at: Millis
}

export interface CampaignStagesTable {
  campaign_id: string
  stage: string
  opens_at: Millis
  deadline_at: Millis
}

export interface TracksTable {
  id: string
  campaign_id: string
  name: string
  summary: string
  sort: Generated<number>
}

export interface TopicsTable {
  id: string
  campaign_id: string
  /** null: the topic is open to every track. */
  track_id: string | null
  title: string
  sort: Generated<number>
}

export interface UnitsTable {
  id: string
  campaign_id: string
  name: string
  /** How many entries the unit may recommend; null means the campaign's default. */
  quota: number | null
  sort: Generated<number>
}

export interface BranchesTable {
  id: string
  unit_id: string
  name: string
  sort: Generated<number>
}

export interface MembersTable {
  id: string
  campaign_id: string
  openid: string
  role: MemberRole
  unit_id: string | null
  branch_id: string | null
  name: string
  phone: string | null
  /** Job title or, for judges, their professional title. */
  title: string | null
  created_at: Millis
}

export interface EntriesTable {
  id: string
  campaign_id: string
  track_id: string
  topic_id: string | null
  unit_id: string
  branch_id: string | null
  speaker_openid: string
  /** draft | pending | endorsed | returned | submitted | recommended | … (src/core owns the set). */
  status: string
  title: string
  /** The 推荐表 as JSON (src/core/contest RegistrationForm; a draft may be partial). */
  form: JsonText
  phone: string
  /** The secretary's decision as JSON: `{ decision, by, at, reason? }`. */
  endorsement: JsonText | null
  script: string | null
  /** The content check's outcome for the saved script: pass | reject | review. */
  script_status: string | null
  script_updated_at: Millis | null
  /** files.id of the uploaded video. */
  video_file_id: string | null
  /** What was read from the video's header boxes, as JSON (src/core/video VideoFacts). */
  video_facts: JsonText | null
  /** The VideoSpec verdict on those facts, as JSON (src/core/video VideoVerdict). */
  video_verdict: JsonText | null
  /** Added: who recommended the entry to the next round, and when. */
  recommended_by: string | null
  recommended_at: Millis | null
  created_at: Millis
  submitted_at: Millis | null
  updated_at: Millis
}

export interface JudgeAssignmentsTable {
  campaign_id: string
  round: string
  entry_id: string
  judge_openid: string
  /** Added: set when the judge has scored every criterion, so totals know who is done. */
  completed_at: Millis | null
  /** Added: the judge's overall remark on the entry. */
  comment: string | null
  created_at: Millis
}

export interface ScoresTable {
  campaign_id: string
  round: string
  entry_id: string
  judge_openid: string
  criterion: string
  points: number
  created_at: Millis
  updated_at: Millis
}

export interface VotesTable {
  campaign_id: string
  entry_id: string
  voter_openid: string
  /** The voting day in Asia/Shanghai, `YYYY-MM-DD`. */
  day: string
  /** 1..daily cap; the unique key on (campaign, voter, day, slot) enforces the cap without a race. */
  slot: number
  created_at: Millis
}

export interface ResultsTable {
  campaign_id: string
  version: number
  published_at: Millis
  published_by: string
  snapshot: JsonText
}

export interface AuditLogTable {
  id: string
  campaign_id: string | null
  actor_openid: string
  action: string
  target_type: string
  target_id: string
  before: JsonText | null
  after: JsonText | null
  at: Millis
}

export interface FilesTable {
  id: string
  owner_openid: string
  purpose: string
  name: string
  size: number
  mime: string
  storage_key: string
  status: FileStatus
  created_at: Millis
  updated_at: Millis
}

export interface InboxTable {
  id: string
  openid: string
  campaign_id: string | null
  kind: string
  title: string
  body: string
  /** Added: the page to open when the message is tapped, e.g. `/pages/entry/index?id=…`. */
  link: string | null
  read_at: Millis | null
  created_at: Millis
}

/** Added: WeChat subscribe messages waiting to be sent (ARCHITECTURE: notifier = inbox + outbox). */
export interface OutboxTable {
  id: string
  openid: string
  template: string
  payload: JsonText
  /** pending | sent | failed */
  status: string
  attempts: Generated<number>
  last_error: string | null
  created_at: Millis
  sent_at: Millis | null
}

export interface Database {
  users: UsersTable
  campaigns: CampaignsTable
  campaign_stages: CampaignStagesTable
  tracks: TracksTable
  topics: TopicsTable
  units: UnitsTable
  branches: BranchesTable
  members: MembersTable
  entries: EntriesTable
  judge_assignments: JudgeAssignmentsTable
  scores: ScoresTable
  votes: VotesTable
  results: ResultsTable
  audit_log: AuditLogTable
  files: FilesTable
  inbox: InboxTable
  outbox: OutboxTable
}

export type Db = Kysely<Database>

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>

export type Campaign = Selectable<CampaignsTable>
export type NewCampaign = Insertable<CampaignsTable>
export type CampaignUpdate = Updateable<CampaignsTable>

export type CampaignStage = Selectable<CampaignStagesTable>
export type NewCampaignStage = Insertable<CampaignStagesTable>
export type CampaignStageUpdate = Updateable<CampaignStagesTable>

export type Track = Selectable<TracksTable>
export type NewTrack = Insertable<TracksTable>
export type TrackUpdate = Updateable<TracksTable>

export type Topic = Selectable<TopicsTable>
export type NewTopic = Insertable<TopicsTable>
export type TopicUpdate = Updateable<TopicsTable>

export type Unit = Selectable<UnitsTable>
export type NewUnit = Insertable<UnitsTable>
export type UnitUpdate = Updateable<UnitsTable>

export type Branch = Selectable<BranchesTable>
export type NewBranch = Insertable<BranchesTable>
export type BranchUpdate = Updateable<BranchesTable>

export type Member = Selectable<MembersTable>
export type NewMember = Insertable<MembersTable>
export type MemberUpdate = Updateable<MembersTable>

export type Entry = Selectable<EntriesTable>
export type NewEntry = Insertable<EntriesTable>
export type EntryUpdate = Updateable<EntriesTable>

export type JudgeAssignment = Selectable<JudgeAssignmentsTable>
export type NewJudgeAssignment = Insertable<JudgeAssignmentsTable>
export type JudgeAssignmentUpdate = Updateable<JudgeAssignmentsTable>

export type Score = Selectable<ScoresTable>
export type NewScore = Insertable<ScoresTable>
export type ScoreUpdate = Updateable<ScoresTable>

export type Vote = Selectable<VotesTable>
export type NewVote = Insertable<VotesTable>

// Not `Result`: that name is src/core/errors.ts's reply type.
export type PublishedResult = Selectable<ResultsTable>
export type NewPublishedResult = Insertable<ResultsTable>

export type AuditLogRow = Selectable<AuditLogTable>
export type NewAuditLogRow = Insertable<AuditLogTable>

export type FileRow = Selectable<FilesTable>
export type NewFileRow = Insertable<FilesTable>
export type FileRowUpdate = Updateable<FilesTable>

export type InboxMessage = Selectable<InboxTable>
export type NewInboxMessage = Insertable<InboxTable>
export type InboxMessageUpdate = Updateable<InboxTable>

export type OutboxMessage = Selectable<OutboxTable>
export type NewOutboxMessage = Insertable<OutboxTable>
export type OutboxMessageUpdate = Updateable<OutboxTable>
