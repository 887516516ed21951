import { create } from 'zustand'
import type { EntrySummary, UnitEntries } from '../core/api'
import { ENTRY_STATUS_LABEL, type EntryStatus } from '../core/contest'
import { call } from '../services/cloud'
import { errorNotice, messageOf, problemOf, successNotice, type Notice } from './failure'

interface UnitEntriesState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  data: UnitEntries | null
  /** The entry an action is running on. */
  busyId: string | null
  notice: Notice | null
  load(campaignId: string, unitId: string): Promise<void>
  endorse(entryId: string): Promise<void>
  /** Returns the form with a reason; the error message when the reason is refused, else null. */
  returnEntry(entryId: string, reason: string): Promise<string | null>
  recommend(entryId: string): Promise<void>
  unrecommend(entryId: string): Promise<void>
}

const nameOf = (e: EntrySummary): string => e.speakerName ?? e.title

export const useUnitEntries = create<UnitEntriesState>()((set, get) => {
  const replace = (entry: EntrySummary, progress?: UnitEntries['progress']): void =>
    set((s) =>
      s.data === null
        ? {}
        : { data: { ...s.data, progress: progress ?? s.data.progress, entries: s.data.entries.map((e) => (e.id === entry.id ? entry : e)) } }
    )

  /** The list rows are summaries; an action answering with a detail updates the row's status. */
  const setStatus = (entryId: string, status: EntryStatus): void => {
    const row = get().data?.entries.find((e) => e.id === entryId)
    if (row !== undefined) replace({ ...row, status })
  }

  const run = async (entryId: string, action: () => Promise<string>): Promise<void> => {
    set({ busyId: entryId, notice: null })
    try {
      set({ notice: successNotice(await action()) })
    } catch (e) {
      set({ notice: errorNotice(e) })
    } finally {
      set({ busyId: null })
    }
  }

  return {
    status: 'idle',
    error: null,
    data: null,
    busyId: null,
    notice: null,

    load: async (campaignId, unitId) => {
      set((s) => ({ status: 'loading', error: null, notice: null, data: s.data?.unitId === unitId ? s.data : null }))
      try {
        set({ status: 'ready', data: await call('entry', 'listUnit', { campaignId, unitId }) })
      } catch (e) {
        set({ status: 'error', error: messageOf(e) })
      }
    },

    endorse: (entryId) =>
      run(entryId, async () => {
        const detail = await call('entry', 'endorse', { entryId })
        setStatus(entryId, detail.status)
        return `已同意「${detail.form.name ?? detail.form.title ?? ''}」的推荐表`
      }),

    returnEntry: async (entryId, reason) => {
      set({ busyId: entryId, notice: null })
      try {
        const detail = await call('entry', 'return', { entryId, reason })
        setStatus(entryId, detail.status)
        set({ notice: successNotice('已退回，宣讲员修改后可重新提交') })
        return null
      } catch (e) {
        const problem = problemOf(e)
        if (problem.field === 'payload.reason') return problem.message
        set({ notice: errorNotice(e) })
        return null
      } finally {
        set({ busyId: null })
      }
    },

    recommend: (entryId) =>
      run(entryId, async () => {
        const result = await call('entry', 'recommend', { entryId })
        replace(result.entry, result.progress)
        return `已推荐「${nameOf(result.entry)}」进入复赛`
      }),

    unrecommend: (entryId) =>
      run(entryId, async () => {
        const result = await call('entry', 'unrecommend', { entryId })
        replace(result.entry, result.progress)
        return `已撤销对「${nameOf(result.entry)}」的推荐`
      })
  }
})

export interface UnitProgress {
  /** Rows per status, in the order of the entry's life. */
  counts: Array<{ status: EntryStatus; label: string; count: number }>
  /** Registered but not yet submitted (form or materials outstanding), with what each one lacks. */
  outstanding: Array<{ entry: EntrySummary; lacks: string }>
}

const ORDER: readonly EntryStatus[] = ['pending', 'returned', 'endorsed', 'submitted', 'recommended', 'finalist', 'withdrawn']

/** The secretary's overview: how many entries are at each step, and who still has something to do. */
export function unitProgress(entries: readonly EntrySummary[]): UnitProgress {
  const counts = ORDER.map((status) => ({ status, label: ENTRY_STATUS_LABEL[status], count: entries.filter((e) => e.status === status).length })).filter(
    (c) => c.count > 0
  )
  const outstanding = entries.flatMap((entry) => {
    switch (entry.status) {
      case 'pending':
        return [{ entry, lacks: '推荐表待您审核' }]
      case 'returned':
        return [{ entry, lacks: '推荐表已退回，待宣讲员修改' }]
      case 'endorsed': {
        const lacks: string[] = []
        if (entry.scriptStatus === null) lacks.push('讲稿未保存')
        else if (entry.scriptStatus === 'review') lacks.push('讲稿待人工复核')
        else if (entry.scriptStatus === 'reject') lacks.push('讲稿未通过审核')
        if (entry.videoVerified === null) lacks.push('视频未上传或待检测')
        else if (!entry.videoVerified) lacks.push('视频不符合要求')
        return [{ entry, lacks: lacks.length > 0 ? `未提交作品：${lacks.join('，')}` : '材料已齐，待宣讲员提交' }]
      }
      default:
        return []
    }
  })
  return { counts, outstanding }
}
