import { normalizePhone, parseRegistrationDraft, parseRegistrationForm, type RegistrationCatalog } from '../../../src/core/contest'

const VALID = {
  name: '李明',
  gender: '男',
  politicalStatus: '中共党员',
  workplace: '某街道办事处 科员',
  education: '大学本科',
  phone: '13800138000',
  title: '把初心写在大地上',
  summary: '讲述驻村第一书记带领群众脱贫的故事',
  trackId: 't1',
  topicId: 'p1'
}

const CATALOG: RegistrationCatalog = {
  tracks: [{ id: 't1' }, { id: 't2' }],
  topics: [{ id: 'p1', trackId: 't1' }, { id: 'p2', trackId: 't2' }, { id: 'p3' }]
}

describe('联系电话', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['199 1234 5678', '19912345678'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['010-12345678', '010-12345678'],
    ['0755-1234567', '0755-1234567'],
    ['01012345678', '01012345678'],
    ['021-12345678-802', '021-12345678-802'],
    ['(010)12345678', '01012345678']
  ])('accepts %s as %s', (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized)
  })

  it.each(['12800138000', '1380013800', '138001380001', '12345', '010-123', '110', 'abc', '', '+1 415 555 0100'])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull()
  })
})

describe('parseRegistrationForm', () => {
  it('accepts a complete form and trims it', () => {
    const r = parseRegistrationForm({ ...VALID, name: ' 李明 ', phone: '138 0013 8000' }, CATALOG)
    expect(r).toEqual({ ok: true, data: { ...VALID, partyOrganization: undefined } })
  })

  it('accepts 所在基层党组织及职务 in place of 工作单位及职务', () => {
    const { workplace: _, ...rest } = VALID
    expect(parseRegistrationForm({ ...rest, partyOrganization: '某村党支部 书记' })).toMatchObject({ ok: true })
  })

  it.each([
    ['name', undefined, '请填写姓名'],
    ['name', '李', '姓名须为 2–30 个汉字或字母'],
    ['name', '李明2', '姓名须为 2–30 个汉字或字母'],
    ['gender', '未知', '请选择性别（男或女）'],
    ['politicalStatus', '党员', '请选择政治面貌（中共党员、中共预备党员、共青团员、民主党派成员、无党派人士、群众）'],
    ['workplace', '', '请填写工作单位及职务或所在基层党组织及职务'],
    ['education', ' ', '请填写文化程度'],
    ['phone', undefined, '请填写联系电话'],
    ['phone', '1234567', '联系电话格式不正确：请填写 11 位手机号或带区号的固定电话（如 010-12345678）'],
    ['title', '', '请填写微宣讲题目'],
    ['title', '题'.repeat(51), '微宣讲题目不能超过 50 个字'],
    ['summary', undefined, '请填写简要内容或讲稿提纲'],
    ['trackId', '', '请填写赛道'],
    ['topicId', 5, '请填写宣讲重点']
  ])('names the field: %s = %j', (field, value, message) => {
    expect(parseRegistrationForm({ ...VALID, [field]: value })).toEqual({ ok: false, code: 'BAD_REQUEST', message, field: `form.${field}` })
  })

  it('checks the track and topic against the campaign', () => {
    expect(parseRegistrationForm({ ...VALID, trackId: 't9' }, CATALOG)).toMatchObject({ ok: false, field: 'form.trackId', message: '所选赛道不存在，请重新选择赛道' })
    expect(parseRegistrationForm({ ...VALID, topicId: 'p9' }, CATALOG)).toMatchObject({ ok: false, field: 'form.topicId' })
    expect(parseRegistrationForm({ ...VALID, topicId: 'p2' }, CATALOG)).toMatchObject({ ok: false, field: 'form.topicId', message: '所选宣讲重点不属于该赛道，请重新选择' })
    expect(parseRegistrationForm({ ...VALID, topicId: 'p3' }, CATALOG)).toMatchObject({ ok: true })
  })

  it('refuses a non-object', () => {
    expect(parseRegistrationForm('李明')).toEqual({ ok: false, code: 'BAD_REQUEST', field: 'form', message: '推荐表格式不正确' })
  })
})

describe('parseRegistrationDraft', () => {
  it('accepts a partial form but not a wrong field', () => {
    expect(parseRegistrationDraft({ name: '李明' })).toEqual({ ok: true, data: { name: '李明' } })
    expect(parseRegistrationDraft(undefined)).toEqual({ ok: true, data: {} })
    expect(parseRegistrationDraft({ name: '李明', phone: '123' })).toMatchObject({ ok: false, field: 'form.phone' })
    expect(parseRegistrationDraft({ trackId: 'nope' }, CATALOG)).toMatchObject({ ok: false, field: 'form.trackId' })
  })
})
