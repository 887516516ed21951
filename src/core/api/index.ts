import type {
  AuditEntry,
  CampaignAdvanceInput,
  CampaignAuditLogRequest,
  CampaignClockView,
  CampaignConfigureRequest,
  CampaignDetail,
  CampaignExtendDeadlineInput,
  CampaignGetInput,
  CampaignGetRulesInput,
  CampaignListInput,
  CampaignRules,
  CampaignSetQuotaInput,
  CampaignSummary,
  UnitQuotaView
} from './campaign'
import type {
  EntryAttachVideoInput,
  EntryDetail,
  EntryDetailView,
  EntryIdInput,
  EntryListAllInput,
  EntryListUnitInput,
  EntryMineInput,
  EntryRegisterInput,
  EntryReturnInput,
  EntryReviewScriptInput,
  EntrySaveScriptInput,
  EntrySummary,
  EntryUpdateFormInput,
  RecommendationResult,
  ScriptSaved,
  UnitEntries
} from './entry'
import type {
  AssignResult,
  Assignment,
  AutoAssignResult,
  FinalistsSelected,
  JudgingAssignInput,
  JudgingAutoAssignInput,
  JudgingCampaignInput,
  JudgingCorrectScoreInput,
  JudgingJudgesInput,
  JudgingMyAssignmentsInput,
  JudgingRoundInput,
  JudgingScoreInput,
  JudgingSheetsInput,
  JudgingUnassignInput,
  RoundJudges,
  RoundScores,
  SemifinalRanking,
  Sheet,
  SheetSaved
} from './judging'
import type { ExportCampaignInput, ExportedFile } from './export'
import type { PublishedResults, ResultsCampaignInput, ResultsPreview } from './results'
import type { MediaRegisterUploadInput, MediaVerifyInput, RegisteredUpload, VideoVerification } from './media'
import type { Me } from './user'
import type { LeaderboardTrack, MyVotesToday, VoteCast, VoteCastInput, VoteLeaderboardInput, VoteMineInput } from './vote'

/**
 * Every cloud function and action the phone may call, with input and output types.
 * The cloud parses inputs with the zod schemas beside these types; the phone gets the types.
 * docs/cloud-functions.md lists who may call each action and the errors it answers with.
 */
export interface Api {
  campaign: {
    list: { input: CampaignListInput; output: CampaignSummary[] }
    get: { input: CampaignGetInput; output: CampaignDetail }
    rules: { input: CampaignGetRulesInput; output: CampaignRules }
    advanceStage: { input: CampaignAdvanceInput; output: CampaignClockView }
    extendDeadline: { input: CampaignExtendDeadlineInput; output: CampaignClockView }
    configure: { input: CampaignConfigureRequest; output: CampaignRules }
    setQuota: { input: CampaignSetQuotaInput; output: UnitQuotaView }
    auditLog: { input: CampaignAuditLogRequest; output: AuditEntry[] }
  }
  entry: {
    register: { input: EntryRegisterInput; output: EntryDetail }
    updateForm: { input: EntryUpdateFormInput; output: EntryDetail }
    submitForm: { input: EntryIdInput; output: EntryDetail }
    withdraw: { input: EntryIdInput; output: EntryDetail }
    endorse: { input: EntryIdInput; output: EntryDetail }
    return: { input: EntryReturnInput; output: EntryDetail }
    saveScript: { input: EntrySaveScriptInput; output: ScriptSaved }
    reviewScript: { input: EntryReviewScriptInput; output: EntryDetail }
    attachVideo: { input: EntryAttachVideoInput; output: EntryDetail }
    submit: { input: EntryIdInput; output: EntryDetail }
    mine: { input: EntryMineInput; output: EntrySummary[] }
    listUnit: { input: EntryListUnitInput; output: UnitEntries }
    listAll: { input: EntryListAllInput; output: EntrySummary[] }
    get: { input: EntryIdInput; output: EntryDetailView }
    recommend: { input: EntryIdInput; output: RecommendationResult }
    unrecommend: { input: EntryIdInput; output: RecommendationResult }
  }
  judging: {
    assign: { input: JudgingAssignInput; output: AssignResult }
    unassign: { input: JudgingUnassignInput; output: { removed: boolean } }
    judges: { input: JudgingJudgesInput; output: RoundJudges }
    autoAssign: { input: JudgingAutoAssignInput; output: AutoAssignResult }
    myAssignments: { input: JudgingMyAssignmentsInput; output: Assignment[] }
    submitScore: { input: JudgingScoreInput; output: SheetSaved }
    reviseScore: { input: JudgingScoreInput; output: SheetSaved }
    correctScore: { input: JudgingCorrectScoreInput; output: SheetSaved }
    sheets: { input: JudgingSheetsInput; output: Sheet[] }
    roundScores: { input: JudgingRoundInput; output: RoundScores }
    semifinalRanking: { input: JudgingCampaignInput; output: SemifinalRanking }
    selectFinalists: { input: JudgingCampaignInput; output: FinalistsSelected }
  }
  results: {
    preview: { input: ResultsCampaignInput; output: ResultsPreview }
    publish: { input: ResultsCampaignInput; output: PublishedResults }
    get: { input: ResultsCampaignInput; output: PublishedResults }
  }
  media: {
    verify: { input: MediaVerifyInput; output: VideoVerification }
    registerUpload: { input: MediaRegisterUploadInput; output: RegisteredUpload }
  }
  vote: {
    cast: { input: VoteCastInput; output: VoteCast }
    mine: { input: VoteMineInput; output: MyVotesToday }
    leaderboard: { input: VoteLeaderboardInput; output: LeaderboardTrack[] }
  }
  export: {
    entries: { input: ExportCampaignInput; output: ExportedFile }
    results: { input: ExportCampaignInput; output: ExportedFile }
  }
  user: {
    me: { input: Record<string, never>; output: Me }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A]
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { input: infer I } ? I : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { output: infer O } ? O : never

export * from './campaign'
export * from './entry'
export * from './envelope'
export * from './export'
export * from './judging'
export * from './media'
export * from './results'
export * from './user'
export * from './vote'
