import { create } from 'zustand'
import type { CampaignDetail, EntryDetail, EntryUpdateFormInput } from '../core/api'
import {
  FORM_EDITABLE,
  parseRegistrationDraft,
  parseRegistrationForm,
  REGISTRATION_FIELD_LABEL,
  type RegistrationCatalog,
  type RegistrationField
} from '../core/contest'
import type { Failure } from '../core/errors'
import { call } from '../services/cloud'
import { errorNotice, messageOf, problemOf, successNotice, type Notice } from './failure'

/** The 推荐表 as the page edits it: every field as typed, plus the unit the speaker registers in. */
export type FormField = RegistrationField | 'unitId'
export type FormValues = Record<FormField, string>
export type FieldErrors = Partial<Record<FormField, string>>

const FORM_FIELDS = Object.keys(REGISTRATION_FIELD_LABEL) as RegistrationField[]
/** The two fields of which one is enough; an empty one is cleared on the cloud with ''. */
const CLEARABLE: ReadonlyArray<'workplace' | 'partyOrganization'> = ['workplace', 'partyOrganization']

export function emptyFormValues(): FormValues {
  const values = { unitId: '' } as FormValues
  for (const f of FORM_FIELDS) values[f] = ''
  return values
}

export function formValuesOf(entry: EntryDetail): FormValues {
  const values = emptyFormValues()
  values.unitId = entry.unitId
  for (const f of FORM_FIELDS) values[f] = entry.form[f] ?? ''
  return values
}

/** The cloud names fields `payload.form.phone` (save) or `form.phone` (submit); the page knows `phone`. */
export function formFieldOf(field: string | undefined): FormField | null {
  if (field === undefined) return null
  const key = field.replace(/^payload\./, '').replace(/^form\./, '')
  return key === 'unitId' || (FORM_FIELDS as string[]).includes(key) ? (key as FormField) : null
}

export function catalogOf(campaign: CampaignDetail): RegistrationCatalog {
  return { tracks: campaign.tracks, topics: campaign.topics }
}

/** What was typed, without the empty fields: a draft may be incomplete. */
function typedForm(values: FormValues): Partial<Record<RegistrationField, string>> {
  const form: Partial<Record<RegistrationField, string>> = {}
  for (const f of FORM_FIELDS) if (values[f].trim() !== '') form[f] = values[f]
  return form
}

interface RegistrationState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  campaign: CampaignDetail | null
  /** The entry being edited; null until the first save of a new registration. */
  entry: EntryDetail | null
  values: FormValues
  errors: FieldErrors
  busy: 'save' | 'submit' | null
  notice: Notice | null
  /** Opens the caller's 推荐表: the given entry, else their active entry in the campaign, else a blank one. */
  open(target: { entryId?: string; campaignId?: string }, defaults?: Partial<FormValues>): Promise<void>
  setField(field: FormField, value: string): void
  /** Saves a draft; true when saved. */
  save(): Promise<boolean>
  /** Saves and sends the form to the unit secretary; true when it is now waiting for endorsement. */
  submit(): Promise<boolean>
}

export const isFormEditable = (entry: EntryDetail | null): boolean => entry === null || FORM_EDITABLE.includes(entry.status)

export const useRegistration = create<RegistrationState>()((set, get) => {
  const showFailure = (failure: Pick<Failure, 'message' | 'field'>): void => {
    const field = formFieldOf(failure.field)
    if (field !== null) set((s) => ({ errors: { ...s.errors, [field]: failure.message }, notice: { kind: 'error', text: `请检查「${labelOf(field)}」：${failure.message}` } }))
    else set({ notice: { kind: 'error', text: failure.message } })
  }

  /** Checks locally with src/core's rules (the cloud checks again), then registers or updates. */
  const persist = async (full: boolean): Promise<EntryDetail | null> => {
    const { values, entry, campaign } = get()
    if (campaign === null) return null
    const typed = typedForm(values)
    const checked = full ? parseRegistrationForm(typed, catalogOf(campaign)) : parseRegistrationDraft(typed, catalogOf(campaign))
    if (!checked.ok) {
      showFailure(checked)
      return null
    }
    if (entry === null && values.unitId === '') {
      showFailure({ message: '请选择所在单位', field: 'unitId' })
      return null
    }
    const form: EntryUpdateFormInput['form'] = { ...checked.data }
    if (entry !== null) for (const f of CLEARABLE) if (values[f].trim() === '' && entry.form[f] !== undefined) form[f] = ''
    try {
      const saved =
        entry === null
          ? await call('entry', 'register', { campaignId: campaign.id, unitId: values.unitId, form })
          : await call('entry', 'updateForm', { entryId: entry.id, form })
      set({ entry: saved, values: formValuesOf(saved), errors: {} })
      return saved
    } catch (e) {
      showFailure(problemOf(e))
      return null
    }
  }

  return {
    status: 'idle',
    error: null,
    campaign: null,
    entry: null,
    values: emptyFormValues(),
    errors: {},
    busy: null,
    notice: null,

    open: async (target, defaults = {}) => {
      set({ status: 'loading', error: null, campaign: null, entry: null, values: emptyFormValues(), errors: {}, notice: null, busy: null })
      try {
        let entry: EntryDetail | null = null
        let entryId = target.entryId
        if (entryId === undefined && target.campaignId !== undefined) {
          const mine = await call('entry', 'mine', { campaignId: target.campaignId })
          entryId = mine.find((e) => e.status !== 'withdrawn')?.id
        }
        if (entryId !== undefined) {
          const view = await call('entry', 'get', { entryId })
          if (view.visibility !== 'withPhone') return set({ status: 'error', error: '只能填写自己的推荐表' })
          entry = view.entry
        }
        const campaignId = entry?.campaignId ?? target.campaignId
        if (campaignId === undefined) return set({ status: 'error', error: '没有指定活动' })
        const campaign = await call('campaign', 'get', { campaignId })
        set({ status: 'ready', campaign, entry, values: entry ? formValuesOf(entry) : { ...emptyFormValues(), ...defaults } })
      } catch (e) {
        set({ status: 'error', error: messageOf(e) })
      }
    },

    setField: (field, value) =>
      set((s) => {
        const values = { ...s.values, [field]: value }
        // A topic belongs to a track (or to all): changing the track drops a topic it does not offer.
        if (field === 'trackId' && s.campaign !== null) {
          const topic = s.campaign.topics.find((t) => t.id === values.topicId)
          if (topic !== undefined && topic.trackId !== null && topic.trackId !== value) values.topicId = ''
        }
        const { [field]: _cleared, ...errors } = s.errors
        return { values, errors }
      }),

    save: async () => {
      set({ busy: 'save', notice: null })
      const saved = await persist(false)
      set({ busy: null, ...(saved ? { notice: successNotice('草稿已保存') } : {}) })
      return saved !== null
    },

    submit: async () => {
      set({ busy: 'submit', notice: null })
      const saved = await persist(true)
      if (saved === null) {
        set({ busy: null })
        return false
      }
      try {
        const sent = await call('entry', 'submitForm', { entryId: saved.id })
        set({ entry: sent, busy: null, notice: successNotice('推荐表已提交，等待单位书记审核') })
        return true
      } catch (e) {
        set({ busy: null })
        const problem = problemOf(e)
        if (formFieldOf(problem.field) !== null) showFailure(problem)
        else set({ notice: errorNotice(e) })
        return false
      }
    }
  }
})

export const labelOf = (field: FormField): string => (field === 'unitId' ? '所在单位' : REGISTRATION_FIELD_LABEL[field])

/** Topics the selected track offers: its own and those serving every track. */
export function topicsFor(campaign: CampaignDetail, trackId: string): CampaignDetail['topics'] {
  return campaign.topics.filter((t) => t.trackId === null || t.trackId === trackId)
}
