/**
 * 报名 (推荐表): a speaker drafts the form, sends it to the unit secretary, and may withdraw; the
 * secretary's endorsement (所在单位推荐意见) replaces the seal, or the form goes back with a reason.
 * All of it happens in the registration stage, by the server's clock.
 */
import type { z } from 'zod'
import type { EntryDetail, EntryRegisterInput, EntryUpdateFormInput } from '../../../src/core/api'
import { checkFormEditable, parseRegistrationDraft, parseRegistrationForm, transitionEntry, type RegistrationDraft } from '../../../src/core/contest'
import { AppError, ErrorCode } from '../../../src/core/errors'
import { isUniqueViolation } from '../db/errors'
import { newId } from '../db/ids'
import type { Deps } from '../ports'
import {
  authorizeCampaign,
  authorizeEntry,
  ensureStageOpen,
  forUpdate,
  inTransaction,
  loadEntryRow,
  toEntryStatus,
  unwrap,
  writeAudit,
  type CampaignContext,
  type Conn,
  type EntryContext
} from './contest-context'
import { moveEntry } from './entry-flow'
import { formColumns, parseForm, registrationCatalog, toDetail, unitName } from './entry-records'

type RegisterInput = z.output<typeof EntryRegisterInput>
type UpdateFormInput = z.output<typeof EntryUpdateFormInput>

async function detailOf(trx: Conn, campaign: CampaignContext, entryId: string): Promise<EntryDetail> {
  const row = await loadEntryRow(trx, entryId)
  return toDetail(row, await unitName(trx, row.unit_id), campaign.rules)
}

/** Opens a draft 推荐表 for the caller in one unit. One active entry per speaker per campaign. */
export async function registerEntry(deps: Deps, openid: string, input: RegisterInput): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign } = await authorizeCampaign(trx, input.campaignId, openid, 'registration.create')
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'registration', now)

    const unit = await trx.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).where('campaign_id', '=', campaign.row.id).executeTakeFirst()
    if (unit === undefined) throw new AppError(ErrorCode.BAD_REQUEST, '所选单位不属于本活动，请重新选择', 'payload.unitId')
    if (input.branchId !== undefined) {
      const branch = await trx.selectFrom('branches').select('id').where('id', '=', input.branchId).where('unit_id', '=', unit.id).executeTakeFirst()
      if (branch === undefined) throw new AppError(ErrorCode.BAD_REQUEST, '所选支部不属于该单位，请重新选择', 'payload.branchId')
    }
    const form = unwrap(parseRegistrationDraft(input.form, await registrationCatalog(trx, campaign.row.id)), { payloadField: true })

    // The speaker's member row is the lock that keeps one person from opening two entries at once.
    const member = await forUpdate(
      trx,
      trx.selectFrom('members').select(['id', 'unit_id']).where('campaign_id', '=', campaign.row.id).where('openid', '=', openid).where('role', '=', 'speaker')
    ).executeTakeFirst()
    if (member !== undefined && member.unit_id !== null && member.unit_id !== unit.id) {
      throw new AppError(ErrorCode.CONFLICT, '您已登记在其他单位，只能以原单位报名', 'payload.unitId')
    }
    if (member === undefined) {
      try {
        await trx
          .insertInto('members')
          .values({
            id: newId('mem', now),
            campaign_id: campaign.row.id,
            openid,
            role: 'speaker',
            unit_id: unit.id,
            branch_id: input.branchId ?? null,
            name: form.name ?? '宣讲员',
            phone: form.phone ?? null,
            title: null,
            created_at: now
          })
          .execute()
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError(ErrorCode.CONFLICT, '报名正在提交，请勿重复操作')
        throw e
      }
    }
    const active = await forUpdate(
      trx,
      trx.selectFrom('entries').select('id').where('campaign_id', '=', campaign.row.id).where('speaker_openid', '=', openid).where('status', '!=', 'withdrawn')
    ).executeTakeFirst()
    if (active !== undefined) throw new AppError(ErrorCode.CONFLICT, '您已报名本活动，请在“我的报名”中继续填写')

    const id = newId('ent', now)
    await trx
      .insertInto('entries')
      .values({
        id,
        campaign_id: campaign.row.id,
        unit_id: unit.id,
        branch_id: input.branchId ?? null,
        speaker_openid: openid,
        status: 'draft',
        form: JSON.stringify(form),
        ...formColumns(form),
        endorsement: null,
        script: null,
        script_status: null,
        script_updated_at: null,
        video_file_id: null,
        video_facts: null,
        video_verdict: null,
        recommended_by: null,
        recommended_at: null,
        created_at: now,
        submitted_at: null,
        updated_at: now
      })
      .execute()
    await writeAudit(trx, {
      campaignId: campaign.row.id,
      actor: openid,
      action: 'registration.create',
      targetType: 'entry',
      targetId: id,
      before: null,
      after: { status: 'draft', unitId: unit.id },
      at: now
    })
    return detailOf(trx, campaign, id)
  })
}

/** Changes the draft (or a returned form): fields given replace the stored ones. */
export async function updateForm(deps: Deps, openid: string, input: UpdateFormInput): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const { campaign, entry } = await authorizeEntry(trx, input.entryId, openid, 'registration.update', { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(campaign, 'registration', now)
    unwrap(checkFormEditable(toEntryStatus(entry.status)))
    const merged: RegistrationDraft = { ...parseForm(entry), ...input.form }
    const form = unwrap(parseRegistrationDraft(merged, await registrationCatalog(trx, campaign.row.id)), { payloadField: true })
    await trx
      .updateTable('entries')
      .set({ form: JSON.stringify(form), ...formColumns(form), updated_at: now })
      .where('id', '=', entry.id)
      .execute()
    return detailOf(trx, campaign, entry.id)
  })
}

type EntryStep = (trx: Conn, ctx: EntryContext, now: number) => Promise<void>

/** The shape of every registration-stage step on one entry: authorize, stage, then the step. */
async function registrationStep(deps: Deps, openid: string, entryId: string, action: 'registration.submit' | 'registration.withdraw' | 'registration.endorse' | 'registration.return', step: EntryStep): Promise<EntryDetail> {
  return inTransaction(deps.db, async (trx) => {
    const ctx = await authorizeEntry(trx, entryId, openid, action, { lock: true })
    const now = deps.clock.now()
    ensureStageOpen(ctx.campaign, 'registration', now)
    await step(trx, ctx, now)
    return detailOf(trx, ctx.campaign, entryId)
  })
}

/** Sends the 推荐表 to the secretary: now every required field must be there. */
export function submitForm(deps: Deps, openid: string, entryId: string): Promise<EntryDetail> {
  return registrationStep(deps, openid, entryId, 'registration.submit', async (trx, { campaign, entry }, now) => {
    unwrap(transitionEntry(toEntryStatus(entry.status), 'submitForm'))
    unwrap(parseRegistrationForm(parseForm(entry), await registrationCatalog(trx, campaign.row.id)))
    await moveEntry(trx, { entry, event: 'submitForm', action: 'registration.submit', by: openid, now })
  })
}

export function withdrawEntry(deps: Deps, openid: string, entryId: string): Promise<EntryDetail> {
  return registrationStep(deps, openid, entryId, 'registration.withdraw', async (trx, { entry }, now) => {
    await moveEntry(trx, { entry, event: 'withdraw', action: 'registration.withdraw', by: openid, now })
  })
}

export function endorseEntry(deps: Deps, openid: string, entryId: string): Promise<EntryDetail> {
  return registrationStep(deps, openid, entryId, 'registration.endorse', async (trx, { entry }, now) => {
    const endorsement = { decision: 'endorsed', by: openid, at: now }
    await moveEntry(trx, { entry, event: 'endorse', action: 'registration.endorse', by: openid, now, set: { endorsement: JSON.stringify(endorsement) } })
  })
}

export function returnEntry(deps: Deps, openid: string, entryId: string, reason: string): Promise<EntryDetail> {
  return registrationStep(deps, openid, entryId, 'registration.return', async (trx, { entry }, now) => {
    const endorsement = { decision: 'returned', by: openid, at: now, reason }
    await moveEntry(trx, { entry, event: 'return', action: 'registration.return', by: openid, now, set: { endorsement: JSON.stringify(endorsement) }, note: { reason } })
  })
}

