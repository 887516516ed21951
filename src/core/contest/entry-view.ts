import { authorize, type Actor, type EntryAccess } from './authorization'
import type { EntryStatus } from './entry-status'
import type { RegistrationDraft } from './registration'

/** An entry as services hold it; rows read from the database map onto this. */
export interface EntryRecord {
  readonly id: string
  readonly unitId: string
  readonly speakerOpenid: string
  readonly status: EntryStatus
  /** Complete from `pending` on; a draft may lack fields. */
  readonly form: RegistrationDraft
  readonly submittedAt: number | null
}

/** What the audience sees: who speaks, on what, for which unit — nothing personal beyond the name. */
export interface PublicEntryView {
  readonly id: string
  readonly unitId: string
  readonly trackId: string | null
  readonly topicId: string | null
  readonly title: string | null
  readonly speakerName: string | null
  readonly summary: string | null
}

export function publicEntryView(entry: EntryRecord): PublicEntryView {
  return {
    id: entry.id,
    unitId: entry.unitId,
    trackId: entry.form.trackId ?? null,
    topicId: entry.form.topicId ?? null,
    title: entry.form.title ?? null,
    speakerName: entry.form.name ?? null,
    summary: entry.form.summary ?? null
  }
}

export type EntryWithoutPhone<T extends EntryRecord> = Omit<T, 'form' | 'speakerOpenid'> & {
  readonly form: Omit<RegistrationDraft, 'phone'>
}

/** Everything but the phone number and the speaker's openid: what an assigned judge sees. */
export function entryWithoutPhone<T extends EntryRecord>(entry: T): EntryWithoutPhone<T> {
  const { form, speakerOpenid: _openid, ...rest } = entry
  const { phone: _phone, ...formWithoutPhone } = form
  return { ...rest, form: formWithoutPhone }
}

export type EntryVisibility = 'withPhone' | 'withoutPhone' | 'public'

/**
 * How much of an entry an actor may see: the phone only for the speaker, their secretary and
 * organizers; the whole entry but the phone for assigned judges; public fields for the audience when
 * the entry is public; null when nothing.
 */
export function entryVisibility(actor: Actor | null, access: EntryAccess): EntryVisibility | null {
  if (authorize(actor, 'entry.viewWithPhone', { kind: 'entry', entry: access }).allow) return 'withPhone'
  const privately = authorize(actor, 'entry.view', { kind: 'entry', entry: { ...access, isPublic: false } })
  if (privately.allow) return 'withoutPhone'
  return access.isPublic ? 'public' : null
}

export type EntryView<T extends EntryRecord> =
  | { readonly visibility: 'withPhone'; readonly entry: T }
  | { readonly visibility: 'withoutPhone'; readonly entry: EntryWithoutPhone<T> }
  | { readonly visibility: 'public'; readonly entry: PublicEntryView }

/** The entry cut to what the actor may see, or null when they may see nothing of it. */
export function viewEntry<T extends EntryRecord>(actor: Actor | null, entry: T, access: EntryAccess): EntryView<T> | null {
  switch (entryVisibility(actor, access)) {
    case 'withPhone':
      return { visibility: 'withPhone', entry }
    case 'withoutPhone':
      return { visibility: 'withoutPhone', entry: entryWithoutPhone(entry) }
    case 'public':
      return { visibility: 'public', entry: publicEntryView(entry) }
    case null:
      return null
  }
}
