import { create } from 'zustand'
import type { CampaignDetail, EntrySummary, PublishedResults, ResultsPreview } from '../core/api'
import { nextStage, STAGE_LABEL, type DeadlineStage, type EntryStatus } from '../core/contest'
import { call } from '../services/cloud'
import { errorNotice, messageOf, orNull, successNotice, type Notice } from './failure'

type Busy = 'advance' | 'extend' | 'finalists' | 'preview' | 'publish' | `review:${string}`

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

  /** Runs an organizer action, then re-reads the dashboard so every number on it is the cloud's. */
  const run = async (busy: Busy, action: (campaignId: string) => Promise<string>): Promise<void> => {
    const campaignId = get().detail?.id
    if (campaignId === undefined) return
    set({ busy, notice: null })
    try {
      const message = await action(campaignId)
      await reload(campaignId)
      set({ notice: successNotice(message) })
    } catch (e) {
      set({ notice: errorNotice(e) })
    } finally {
      set({ busy: null })
    }
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

    load: async (campaignId) => {
      set((s) => ({ status: 'loading', error: null, notice: null, ...(s.detail?.id === campaignId ? {} : { detail: null, entries: [], preview: null, published: null }) }))
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
      })
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
