import { z } from 'zod'
import { ErrorCode, ok, type Result } from '../errors'
import { fail } from './fail'

/** The 推荐表: what a speaker fills in to register. Labels are the form's own words. */
export const REGISTRATION_FIELD_LABEL = {
  name: '姓名',
  gender: '性别',
  politicalStatus: '政治面貌',
  workplace: '工作单位及职务',
  partyOrganization: '所在基层党组织及职务',
  education: '文化程度',
  phone: '联系电话',
  title: '微宣讲题目',
  summary: '简要内容或讲稿提纲',
  trackId: '赛道',
  topicId: '宣讲重点'
} as const
export type RegistrationField = keyof typeof REGISTRATION_FIELD_LABEL

export const GENDERS = ['男', '女'] as const
/** The political-status values of the national standard (GB/T 4762), grouped as forms print them. */
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众'] as const

const MOBILE = /^1[3-9]\d{9}$/
/** Area code 0xx or 0xxx, 7–8 digit number, optional extension: 010-12345678, 0755-1234567-802. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/

/**
 * Phones arrive typed on Chinese keyboards: full-width digits, spaces, a +86 prefix. Normalise those
 * so valid numbers pass; returns null when it is neither a mainland mobile nor a landline.
 * Mobiles come back as 11 digits; landlines keep their hyphens.
 */
export function normalizePhone(raw: string): string | null {
  const halfWidth = raw.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\uFF0D\u2014\u2013]/g, '-')
  const compact = halfWidth.replace(/[\s()（）]/g, '')
  const mobile = compact.replace(/-/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '')
  if (MOBILE.test(mobile)) return mobile
  if (LANDLINE.test(compact)) return compact
  return null
}

const required = (field: RegistrationField, max: number) =>
  z
    .string({ error: `请填写${REGISTRATION_FIELD_LABEL[field]}` })
    .trim()
    .min(1, `请填写${REGISTRATION_FIELD_LABEL[field]}`)
    .max(max, `${REGISTRATION_FIELD_LABEL[field]}不能超过 ${max} 个字`)

const optionalText = (field: RegistrationField, max: number) =>
  z
    .string({ error: `${REGISTRATION_FIELD_LABEL[field]}须为文字` })
    .trim()
    .max(max, `${REGISTRATION_FIELD_LABEL[field]}不能超过 ${max} 个字`)
    .optional()
    .transform((v) => (v === '' ? undefined : v))

const RegistrationFields = z.object({
  name: required('name', 30).regex(/^[\p{L}\p{M}·・.\s]{2,30}$/u, '姓名须为 2–30 个汉字或字母'),
  gender: z.enum(GENDERS, { error: '请选择性别（男或女）' }),
  politicalStatus: z.enum(POLITICAL_STATUSES, { error: `请选择政治面貌（${POLITICAL_STATUSES.join('、')}）` }),
  workplace: optionalText('workplace', 100),
  partyOrganization: optionalText('partyOrganization', 100),
  education: required('education', 20),
  phone: z
    .string({ error: '请填写联系电话' })
    .transform((raw, ctx) => {
      const phone = normalizePhone(raw)
      if (phone === null) {
        ctx.addIssue({ code: 'custom', message: '联系电话格式不正确：请填写 11 位手机号或带区号的固定电话（如 010-12345678）' })
        return z.NEVER
      }
      return phone
    }),
  title: required('title', 50),
  summary: required('summary', 1000),
  trackId: required('trackId', 64),
  topicId: required('topicId', 64)
})

/** The full form, required to send it to the secretary: 工作单位 or 所在基层党组织 must be given. */
export const RegistrationFormSchema = RegistrationFields.superRefine((form, ctx) => {
  if (form.workplace === undefined && form.partyOrganization === undefined) {
    ctx.addIssue({ code: 'custom', path: ['workplace'], message: '请填写工作单位及职务或所在基层党组织及职务' })
  }
})
export type RegistrationForm = z.infer<typeof RegistrationFormSchema>

/** A draft may be incomplete, but what it holds must already be valid. */
export const RegistrationDraftSchema = RegistrationFields.partial()
export type RegistrationDraft = z.infer<typeof RegistrationDraftSchema>

/** The campaign's tracks and topic menu, to check the ids a form names. A topic without trackId serves every track. */
export interface RegistrationCatalog {
  readonly tracks: readonly { readonly id: string }[]
  readonly topics: readonly { readonly id: string; readonly trackId?: string | null }[]
}

function firstIssue(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0]
  const key = issue?.path[0]
  // An issue without a path is about the whole payload, and zod's own text for it is English.
  if (issue === undefined || key === undefined) return { message: '推荐表格式不正确', field: 'form' }
  return { message: issue.message, field: `form.${String(key)}` }
}

function checkCatalog(form: { trackId?: string; topicId?: string }, catalog: RegistrationCatalog): Result<null> {
  if (form.trackId !== undefined && !catalog.tracks.some((t) => t.id === form.trackId)) {
    return fail(ErrorCode.BAD_REQUEST, '所选赛道不存在，请重新选择赛道', 'form.trackId')
  }
  if (form.topicId !== undefined) {
    const topic = catalog.topics.find((t) => t.id === form.topicId)
    if (topic === undefined) return fail(ErrorCode.BAD_REQUEST, '所选宣讲重点不存在，请重新选择', 'form.topicId')
    if (topic.trackId != null && form.trackId !== undefined && topic.trackId !== form.trackId) {
      return fail(ErrorCode.BAD_REQUEST, '所选宣讲重点不属于该赛道，请重新选择', 'form.topicId')
    }
  }
  return ok(null)
}

/** Parses with one of the two schemas, then checks track and topic against the campaign's menu. */
function parseWith<T extends RegistrationDraft>(schema: z.ZodType<T>, input: unknown, catalog?: RegistrationCatalog): Result<T> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const { message, field } = firstIssue(parsed.error)
    return fail(ErrorCode.BAD_REQUEST, message, field)
  }
  if (catalog !== undefined) {
    const known = checkCatalog(parsed.data, catalog)
    if (!known.ok) return known
  }
  return ok(parsed.data)
}

/** Parses a complete 推荐表; the Failure names the first wrong field (`form.phone`) in Chinese. */
export function parseRegistrationForm(input: unknown, catalog?: RegistrationCatalog): Result<RegistrationForm> {
  return parseWith(RegistrationFormSchema, input, catalog)
}

/** Parses a draft save: missing fields are fine, wrong ones are not. */
export function parseRegistrationDraft(input: unknown, catalog?: RegistrationCatalog): Result<RegistrationDraft> {
  return parseWith(RegistrationDraftSchema, input ?? {}, catalog)
}
