import { create } from 'zustand'
import type { Assignment, Sheet } from '../core/api'
import { formatPoints, toHundredths, validateScoreSheet, type Criterion } from '../core/contest'
import { call } from '../services/cloud'
import { errorNotice, messageOf, problemOf, successNotice, type Notice } from './failure'

interface JudgingState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  campaignId: string | null
  assignments: Assignment[]
  load(campaignId: string): Promise<void>
  /** Puts a saved sheet on its assignment, so the list shows the new score without a reload. */
  saved(roundId: string, entryId: string, sheet: Sheet): void
}

export const useJudging = create<JudgingState>()((set) => ({
  status: 'idle',
  error: null,
  campaignId: null,
  assignments: [],
  load: async (campaignId) => {
    set((s) => ({ status: 'loading', error: null, campaignId, assignments: s.campaignId === campaignId ? s.assignments : [] }))
    try {
      set({ status: 'ready', assignments: await call('judging', 'myAssignments', { campaignId }) })
    } catch (e) {
      set({ status: 'error', error: messageOf(e) })
    }
  },
  saved: (roundId, entryId, sheet) =>
    set((s) => ({ assignments: s.assignments.map((a) => (a.round.id === roundId && a.entry.entry.id === entryId ? { ...a, mySheet: sheet } : a)) }))
}))

export const findAssignment = (list: readonly Assignment[], roundId: string, entryId: string): Assignment | undefined =>
  list.find((a) => a.round.id === roundId && a.entry.entry.id === entryId)

/** Assignments grouped by round, in the order the cloud gave them. */
export function byRound(list: readonly Assignment[]): Array<{ round: Assignment['round']; items: Assignment[] }> {
  const groups: Array<{ round: Assignment['round']; items: Assignment[] }> = []
  for (const a of list) {
    const group = groups.find((g) => g.round.id === a.round.id)
    if (group) group.items.push(a)
    else groups.push({ round: a.round, items: [a] })
  }
  return groups
}

/** The entry's title and speaker, whichever view of it the judge has. */
export function entryTitle(a: Assignment): { title: string; speaker: string } {
  const e = a.entry
  if (e.visibility === 'public') return { title: e.entry.title ?? '（未命名）', speaker: e.entry.speakerName ?? '' }
  return { title: e.entry.form.title ?? '（未命名）', speaker: e.entry.form.name ?? '' }
}

// ---------------------------------------------------------------------------------------------
// One score sheet being filled in

/** What a typed box means to the rubric check: empty → missing, a number → points, else the text (refused). */
export function pointsOf(typed: Readonly<Record<string, string>>): Record<string, unknown> {
  const points: Record<string, unknown> = {}
  for (const [id, text] of Object.entries(typed)) {
    const t = text.trim()
    if (t === '') continue
    points[id] = /^\d+(\.\d+)?$/.test(t) ? Number(t) : t
  }
  return points
}

/** The running total of what is valid so far, for the sheet's footer. */
export function runningTotal(rubric: readonly Criterion[], typed: Readonly<Record<string, string>>): string {
  let total = 0
  for (const c of rubric) {
    const t = (typed[c.id] ?? '').trim()
    const h = /^\d+(\.\d+)?$/.test(t) ? toHundredths(Number(t)) : null
    if (h !== null && h <= c.max * 100) total += h
  }
  return formatPoints(total)
}

interface ScoreSheetState {
  key: string | null
  typed: Record<string, string>
  comment: string
  errors: Record<string, string>
  busy: boolean
  notice: Notice | null
  /** Starts a sheet for an assignment, from the judge's saved sheet if any. */
  start(a: Assignment): void
  setPoint(criterionId: string, text: string): void
  setComment(text: string): void
  /** Checks against the rubric (src/core), then submits or revises; true when saved. */
  send(a: Assignment): Promise<boolean>
}

const keyOf = (a: Assignment): string => `${a.round.id}/${a.entry.entry.id}`

export const useScoreSheet = create<ScoreSheetState>()((set, get) => ({
  key: null,
  typed: {},
  comment: '',
  errors: {},
  busy: false,
  notice: null,

  start: (a) => {
    if (get().key === keyOf(a)) return
    const typed: Record<string, string> = {}
    for (const c of a.round.rubric) typed[c.id] = a.mySheet ? String(a.mySheet.points[c.id] ?? '') : ''
    set({ key: keyOf(a), typed, comment: a.mySheet?.comment ?? '', errors: {}, notice: null, busy: false })
  },

  setPoint: (criterionId, text) =>
    set((s) => {
      const { [criterionId]: _cleared, ...errors } = s.errors
      return { typed: { ...s.typed, [criterionId]: text }, errors }
    }),

  setComment: (comment) => set({ comment }),

  send: async (a) => {
    const { typed, comment } = get()
    const points = pointsOf(typed)
    // Every criterion is checked, so the judge sees all the boxes to fix at once.
    const errors: Record<string, string> = {}
    for (const c of a.round.rubric) {
      const one = validateScoreSheet([c], c.id in points ? { [c.id]: points[c.id] } : {})
      if (!one.ok) errors[c.id] = one.message
    }
    if (Object.keys(errors).length > 0) {
      set({ errors, notice: { kind: 'error', text: '请按评分标准修改标红的分数' } })
      return false
    }
    const sheet = validateScoreSheet(a.round.rubric, points)
    if (!sheet.ok) {
      set({ notice: { kind: 'error', text: sheet.message } })
      return false
    }
    set({ busy: true, notice: null })
    const exact: Record<string, number> = {}
    for (const [id, h] of Object.entries(sheet.data.points)) exact[id] = h / 100
    const input = { roundId: a.round.id, entryId: a.entry.entry.id, points: exact, ...(comment.trim() ? { comment } : {}) }
    try {
      const saved = await call('judging', a.mySheet ? 'reviseScore' : 'submitScore', input)
      useJudging.getState().saved(a.round.id, a.entry.entry.id, saved.sheet)
      set({ notice: successNotice(a.mySheet ? `评分已修改，总分 ${formatPoints(saved.sheet.total)}` : `评分已提交，总分 ${formatPoints(saved.sheet.total)}`) })
      return true
    } catch (e) {
      const problem = problemOf(e)
      const criterion = problem.field?.replace(/^payload\.points\./, '')
      if (criterion !== undefined && a.round.rubric.some((c) => c.id === criterion)) set({ errors: { [criterion]: problem.message } })
      set({ notice: errorNotice(e) })
      return false
    } finally {
      set({ busy: false })
    }
  }
}))
