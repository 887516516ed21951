import {
  checkFormEditable,
  checkMaterialsEditable,
  checkSubmission,
  ENTRY_EVENTS,
  ENTRY_STATUSES,
  ENTRY_TRANSITIONS,
  parseReturnReason,
  transitionEntry,
  type EntryEvent,
  type EntryStatus
} from '../../../src/core/contest'

/** The whole machine, written out: status × event → next status, or '-' when refused. */
const TABLE: Record<EntryStatus, Record<EntryEvent, EntryStatus | '-'>> = {
  draft: { submitForm: 'pending', endorse: '-', return: '-', submit: '-', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: 'withdrawn' },
  pending: { submitForm: '-', endorse: 'endorsed', return: 'returned', submit: '-', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: 'withdrawn' },
  returned: { submitForm: 'pending', endorse: '-', return: '-', submit: '-', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: 'withdrawn' },
  endorsed: { submitForm: '-', endorse: '-', return: '-', submit: 'submitted', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: 'withdrawn' },
  submitted: { submitForm: '-', endorse: '-', return: '-', submit: '-', recommend: 'recommended', unrecommend: '-', selectFinalist: '-', withdraw: 'withdrawn' },
  recommended: { submitForm: '-', endorse: '-', return: '-', submit: '-', recommend: '-', unrecommend: 'submitted', selectFinalist: 'finalist', withdraw: '-' },
  finalist: { submitForm: '-', endorse: '-', return: '-', submit: '-', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: '-' },
  withdrawn: { submitForm: '-', endorse: '-', return: '-', submit: '-', recommend: '-', unrecommend: '-', selectFinalist: '-', withdraw: '-' }
}

describe('entry status machine', () => {
  const cases = ENTRY_STATUSES.flatMap((status) => ENTRY_EVENTS.map((event) => [status, event, TABLE[status][event]] as const))

  it.each(cases)('%s + %s → %s', (status, event, expected) => {
    const r = transitionEntry(status, event)
    if (expected === '-') {
      expect(r).toMatchObject({ ok: false, code: 'CONFLICT', field: 'status' })
      if (!r.ok) expect(r.message).toMatch(/^作品当前状态为「.+」，不能.+/)
    } else {
      expect(r).toEqual({ ok: true, data: expected })
    }
  })

  it('ties each event to the stage it happens in', () => {
    expect(Object.fromEntries(ENTRY_EVENTS.map((e) => [e, ENTRY_TRANSITIONS[e].stage]))).toEqual({
      submitForm: 'registration',
      endorse: 'registration',
      return: 'registration',
      submit: 'registration',
      recommend: 'preliminary',
      unrecommend: 'preliminary',
      selectFinalist: 'final',
      withdraw: 'registration'
    })
  })

  it('freezes the form once sent and the materials once submitted', () => {
    expect(ENTRY_STATUSES.filter((s) => checkFormEditable(s).ok)).toEqual(['draft', 'returned'])
    expect(ENTRY_STATUSES.filter((s) => checkMaterialsEditable(s).ok)).toEqual(['draft', 'pending', 'returned', 'endorsed'])
  })
})

describe('checkSubmission', () => {
  const ready = { status: 'endorsed', scriptWithinLimits: true, contentCheck: 'pass', videoVerified: true } as const

  it('submits an endorsed entry with a passed script and a verified video', () => {
    expect(checkSubmission(ready)).toEqual({ ok: true, data: 'submitted' })
  })

  it.each([
    [{ status: 'pending' }, 'CONFLICT', 'status'],
    [{ scriptWithinLimits: false }, 'BAD_REQUEST', 'script'],
    [{ contentCheck: 'reject' }, 'CONTENT_REJECTED', 'script'],
    [{ contentCheck: 'review' }, 'CONFLICT', 'script'],
    [{ contentCheck: null }, 'CONFLICT', 'script'],
    [{ videoVerified: false }, 'VIDEO_REJECTED', 'video']
  ] as const)('refuses %j', (change, code, field) => {
    expect(checkSubmission({ ...ready, ...change })).toMatchObject({ ok: false, code, field })
  })
})

describe('parseReturnReason', () => {
  it('requires a reason of 2–200 characters', () => {
    expect(parseReturnReason(' 联系电话有误 ')).toEqual({ ok: true, data: '联系电话有误' })
    expect(parseReturnReason('')).toMatchObject({ ok: false, code: 'BAD_REQUEST', field: 'reason', message: '请填写退回理由（至少 2 个字）' })
    expect(parseReturnReason(undefined)).toMatchObject({ ok: false, message: '请填写退回理由' })
    expect(parseReturnReason('理'.repeat(201))).toMatchObject({ ok: false, message: '退回理由不能超过 200 个字' })
  })
})
