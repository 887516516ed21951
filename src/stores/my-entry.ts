import { create } from 'zustand'
import type { CampaignRules, EntryDetail } from '../core/api'
import { MATERIALS_EDITABLE, type EntryStatus } from '../core/contest'
import { call } from '../services/cloud'
import { useCampaignRules } from './campaign-rules'
import { errorNotice, messageOf, runWithNotice, successNotice, type Notice } from './failure'

type Busy = 'script' | 'submit' | 'withdraw'

interface MyEntryState {
  /** `none`: the caller has no active entry in the campaign (the page offers to register). */
  status: 'idle' | 'loading' | 'ready' | 'none' | 'error'
  error: string | null
  campaignId: string | null
  entry: EntryDetail | null
  rules: CampaignRules | null
  /** The script as typed, saved only on request. */
  script: string
  busy: Busy | null
  notice: Notice | null
  open(target: { entryId?: string; campaignId?: string }): Promise<void>
  /** Re-reads the entry, e.g. when coming back from the video page; keeps unsaved script text. */
  refresh(): Promise<void>
  setScript(text: string): void
  saveScript(): Promise<void>
  submit(): Promise<void>
  withdraw(): Promise<void>
}

export const useMyEntry = create<MyEntryState>()((set, get) => {
  const reread = async (entryId: string): Promise<EntryDetail | null> => {
    const view = await call('entry', 'get', { entryId })
    return view.visibility === 'withPhone' ? view.entry : null
  }

  const run = (busy: Busy, action: () => Promise<Notice>): Promise<void> => runWithNotice(set, busy, action)

  return {
    status: 'idle',
    error: null,
    campaignId: null,
    entry: null,
    rules: null,
    script: '',
    busy: null,
    notice: null,

    open: async ({ entryId, campaignId }) => {
      set({ status: 'loading', error: null, entry: null, notice: null, campaignId: campaignId ?? null })
      try {
        let id = entryId
        if (id === undefined && campaignId !== undefined) {
          const mine = await call('entry', 'mine', { campaignId })
          id = mine.find((e) => e.status !== 'withdrawn')?.id ?? mine[0]?.id
        }
        if (id === undefined) return set({ status: 'none' })
        const entry = await reread(id)
        if (entry === null) return set({ status: 'error', error: '只能查看自己的参赛作品' })
        const rules = await useCampaignRules.getState().ensure(entry.campaignId)
        set({ status: 'ready', entry, rules, campaignId: entry.campaignId, script: entry.script?.text ?? '' })
      } catch (e) {
        set({ status: 'error', error: messageOf(e) })
      }
    },

    refresh: async () => {
      const current = get().entry
      if (current === null) return
      try {
        const entry = await reread(current.id)
        if (entry !== null) set({ entry })
      } catch (e) {
        set({ notice: errorNotice(e) })
      }
    },

    setScript: (script) => set({ script }),

    saveScript: () =>
      run('script', async () => {
        const { entry, script } = get()
        if (entry === null) return { kind: 'error', text: '没有作品' }
        const saved = await call('entry', 'saveScript', { entryId: entry.id, text: script })
        const fresh = await reread(entry.id)
        if (fresh !== null) set({ entry: fresh })
        return saved.status === 'pass' ? successNotice('讲稿已保存，内容检查通过') : { kind: 'error', text: `讲稿已保存：${saved.reason}` }
      }),

    submit: () =>
      run('submit', async () => {
        const { entry } = get()
        if (entry === null) return { kind: 'error', text: '没有作品' }
        set({ entry: await call('entry', 'submit', { entryId: entry.id }) })
        return successNotice('作品已提交，等待单位推荐')
      }),

    withdraw: () =>
      run('withdraw', async () => {
        const { entry } = get()
        if (entry === null) return { kind: 'error', text: '没有作品' }
        set({ entry: await call('entry', 'withdraw', { entryId: entry.id }) })
        return successNotice('已撤回报名')
      })
  }
})

export const canEditMaterials = (status: EntryStatus): boolean => MATERIALS_EDITABLE.includes(status)

/** What the speaker should do next, in one sentence, from the entry's status and materials. */
export function nextStep(entry: EntryDetail): string {
  switch (entry.status) {
    case 'draft':
      return '请完善推荐表，并提交单位书记审核'
    case 'pending':
      return '推荐表正在等待单位书记审核，可先准备讲稿和视频'
    case 'returned':
      return '推荐表被退回，请按退回意见修改后重新提交'
    case 'endorsed': {
      const missing = missingMaterials(entry)
      return missing.length === 0 ? '材料已齐，请提交作品' : `单位已同意推荐，请${missing.join('、')}后提交作品`
    }
    case 'submitted':
      return '作品已提交，等待单位推荐进入复赛'
    case 'recommended':
      return '已推荐进入复赛，等待专家评审'
    case 'finalist':
      return '已入围决赛，请准备现场比赛'
    case 'withdrawn':
      return '已撤回报名'
  }
}

/** The materials `submit` still needs, as the speaker would say them. */
export function missingMaterials(entry: EntryDetail): string[] {
  const missing: string[] = []
  if (entry.script === null) missing.push('保存讲稿')
  else if (entry.script.status === 'review') missing.push('等待讲稿人工复核')
  else if (entry.script.status !== 'pass') missing.push('修改讲稿')
  if (entry.video === null) missing.push('上传视频')
  else if (entry.video.verified === null) missing.push('等待视频检测')
  else if (!entry.video.verified) missing.push('重新上传符合要求的视频')
  return missing
}
