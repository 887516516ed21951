import { create } from 'zustand'
import type { CampaignDetail, EntrySummary, PublishedResults, ResultsPreview, RoundJudges } from '../core/api'
import { nextStage, stageIndex, STAGE_LABEL, type DeadlineStage, type EntryStatus, type Round, type Stage } from '../core/contest'
import { call } from '../services/cloud'
import { errorNotice, messageOf, orNull, runWithNotice, successNotice, type Notice } from './failure'

type Busy = 'advance' | 'extend' | 'finalists' | 'preview' | 'publish' | 'autoAssign' | `review:${string}`

export type RoundOption = Pick<Round, 'id' | 'name' | 'stage'>

/** 评委分配: the campaign's rounds, the one picked, its judges with their loads, the last outcome. */
export interface JudgeAssignment {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  rounds: RoundOption[]
  roundId: string | null
  judges: RoundJudges | null
  notice: Notice | null
}

const NO_ASSIGNMENT: JudgeAssignment = { status: 'idle', error: null, rounds: [], roundId: null, judges: null, notice: null }

interface CampaignAdminState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  detail: CampaignDetail | null
  entries: EntrySummary[]
  preview: ResultsPreview | null
  published: PublishedResults | null
  busy: Busy | null
  notice: Notice | null
  load(campaignId: string): Promise<void>
  advance(): Promise<void>
  extend(stage: DeadlineStage, deadline: number): Promise<void>
  selectFinalists(): Promise<void>
  loadPreview(): Promise<void>
  publish(): Promise<void>
  reviewScript(entryId: string, decision: 'pass' | 'reject'): Promise<void>
  assignment: JudgeAssignment
  /** Loads the rounds (once) and the judges of `roundId`, by default the round of the current stage. */
  loadJudges(roundId?: string): Promise<void>
  /** Gives every entry of the picked round `perEntry` judges; the outcome goes to `assignment.notice`. */
  autoAssign(perEntry: number): Promise<void>
}

/** The round an organizer most likely assigns now: the current stage's, else the next one's, else the last. */
export function defaultRound(rounds: readonly RoundOption[], stage: Stage): RoundOption | undefined {
  return rounds.find((r) => r.stage === stage) ?? rounds.find((r) => stageIndex(r.stage) > stageIndex(stage)) ?? rounds[rounds.length - 1]
}

export const useCampaignAdmin = create<CampaignAdminState>()((set, get) => {
  const reload = async (campaignId: string): Promise<void> => {
    const [detail, entries, published] = await Promise.all([
      call('campaign', 'get', { campaignId }),
      call('entry', 'listAll', { campaignId }),
      orNull(call('results', 'get', { campaignId }))
    ])
    set({ detail, entries, published })
  }

  const judgesOf = async (campaignId: string, roundId: string): Promise<void> => {
    const judges = await call('judging', 'judges', { campaignId, roundId })
    // A slower answer for a round the organizer has since left is dropped.
    if (get().assignment.roundId === roundId) set((s) => ({ assignment: { ...s.assignment, status: 'ready', judges } }))
  }

  /** Runs an organizer action, then re-reads the dashboard so every number on it is the cloud's. */
  const run = async (busy: Busy, action: (campaignId: string) => Promise<string>): Promise<void> => {
    const campaignId = get().detail?.id
    if (campaignId === undefined) return
    await runWithNotice(set, busy, async () => {
      const message = await action(campaignId)
      await reload(campaignId)
      // Stages and finalists change which entries a round has: the judges' section follows.
      if (get().assignment.roundId !== null) await get().loadJudges()
      return successNotice(message)
    })
  }

  return {
    status: 'idle',
    error: null,
    detail: null,
    entries: [],
    preview: null,
    published: null,
    busy: null,
    notice: null,
    assignment: NO_ASSIGNMENT,

    load: async (campaignId) => {
      set((s) => ({ status: 'loading', error: null, notice: null, ...(s.detail?.id === campaignId ? {} : { detail: null, entries: [], preview: null, published: null, assignment: NO_ASSIGNMENT }) }))
      try {
        await reload(campaignId)
        set({ status: 'ready' })
      } catch (e) {
        set({ status: 'error', error: messageOf(e) })
      }
    },

    advance: async () => {
      const stage = get().detail?.stage
      const to = stage === undefined ? null : nextStage(stage)
      if (to === null || to === 'registration') return set({ notice: { kind: 'error', text: '已是最后一个阶段' } })
      return run('advance', async (campaignId) => {
        await call('campaign', 'advanceStage', { campaignId, to })
        return `已进入「${STAGE_LABEL[to]}」阶段`
      })
    },

    extend: (stage, deadline) =>
      run('extend', async (campaignId) => {
        await call('campaign', 'extendDeadline', { campaignId, stage, deadline })
        return '截止时间已延后'
      }),

    selectFinalists: () =>
      run('finalists', async (campaignId) => {
        const selected = await call('judging', 'selectFinalists', { campaignId })
        return selected.promoted.length > 0 ? `已选定 ${selected.promoted.length} 名决赛选手` : '决赛名单没有变化'
      }),

    loadPreview: () =>
      run('preview', async (campaignId) => {
        set({ preview: await call('results', 'preview', { campaignId }) })
        return '成绩预览已更新'
      }),

    publish: () =>
      run('publish', async (campaignId) => {
        const published = await call('results', 'publish', { campaignId })
        return `成绩已发布（第 ${published.version} 版）`
      }),

    reviewScript: (entryId, decision) =>
      run(`review:${entryId}`, async () => {
        await call('entry', 'reviewScript', { entryId, decision })
        return decision === 'pass' ? '讲稿复核通过' : '讲稿复核未通过，已通知宣讲员修改'
      }),

    loadJudges: async (picked) => {
      const detail = get().detail
      if (detail === null) return
      set((s) => ({ assignment: { ...s.assignment, status: 'loading', error: null, notice: null, ...(picked === undefined ? {} : { roundId: picked }) } }))
      try {
        let rounds = get().assignment.rounds
        if (rounds.length === 0) {
          const rules = await call('campaign', 'rules', { campaignId: detail.id })
          rounds = rules.rounds.map((r) => ({ id: r.id, name: r.name, stage: r.stage }))
        }
        const roundId = picked ?? get().assignment.roundId ?? defaultRound(rounds, detail.stage)?.id ?? null
        set((s) => ({ assignment: { ...s.assignment, rounds, roundId } }))
        if (roundId === null) return set((s) => ({ assignment: { ...s.assignment, status: 'error', error: '本活动没有评审轮次' } }))
        await judgesOf(detail.id, roundId)
      } catch (e) {
        set((s) => ({ assignment: { ...s.assignment, status: 'error', error: messageOf(e) } }))
      }
    },

    autoAssign: async (perEntry) => {
      const campaignId = get().detail?.id
      const roundId = get().assignment.roundId
      if (campaignId === undefined || roundId === null) return
      set((s) => ({ busy: 'autoAssign', assignment: { ...s.assignment, notice: null } }))
      try {
        const result = await call('judging', 'autoAssign', { campaignId, roundId, perEntry })
        const topped = new Set(result.added.map((a) => a.entryId)).size
        const text =
          result.added.length === 0
            ? `${result.entryCount} 件作品均已有 ${perEntry} 位以上评委，无需新增`
            : `已为 ${topped} 件作品新增 ${result.added.length} 人次评委分配，每件作品至少 ${perEntry} 位评委`
        set((s) => ({
          assignment: { ...s.assignment, judges: s.assignment.judges === null ? null : { ...s.assignment.judges, entryCount: result.entryCount, judges: result.judges }, notice: successNotice(text) }
        }))
      } catch (e) {
        set((s) => ({ assignment: { ...s.assignment, notice: errorNotice(e) } }))
      } finally {
        set({ busy: null })
      }
    }
  }
})

export interface UnitRow {
  unitId: string
  name: string
  total: number
  /** Waiting for the secretary's endorsement. */
  pending: number
  submitted: number
  recommended: number
}

const SUBMITTED: readonly EntryStatus[] = ['submitted', 'recommended', 'finalist']
const RECOMMENDED: readonly EntryStatus[] = ['recommended', 'finalist']

/** Entries across units, for the organizer: who has registered, submitted and recommended how many. */
export function unitOverview(units: CampaignDetail['units'], entries: readonly EntrySummary[]): UnitRow[] {
  return units.map((u) => {
    const mine = entries.filter((e) => e.unitId === u.id && e.status !== 'withdrawn')
    return {
      unitId: u.id,
      name: u.name,
      total: mine.length,
      pending: mine.filter((e) => e.status === 'pending').length,
      submitted: mine.filter((e) => SUBMITTED.includes(e.status)).length,
      recommended: mine.filter((e) => RECOMMENDED.includes(e.status)).length
    }
  })
}
