/**
 * The content-check adapters: the local word list, and WeChat msgSecCheck driven by a stand-in for
 * `cloud.openapi.security` that answers as the real one does (replies, thrown errors, garbage).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localContentCheckFromEnv, localWordListCheck, parseWordList } from '../../../cloudfunctions/shared/adapters/local-content-check'
import { chunkText, MSG_SEC_CHECK_MAX_CHARS, wechatContentCheck, type MsgSecCheckApi } from '../../../cloudfunctions/shared/adapters/wechat-content-check'

const ctx = { openid: 'spk-1' }

describe('local word list', () => {
  it('rejects a listed word however it is spaced or punctuated, and passes clean text', async () => {
    const check = localWordListCheck(['违禁词'])
    await expect(check.check('这是一段 违 禁·词 示例', ctx)).resolves.toMatchObject({ outcome: 'reject', matched: ['违禁词'] })
    await expect(check.check('这是一段正常的讲稿', ctx)).resolves.toMatchObject({ outcome: 'pass' })
  })

  it('reads a word file, skipping comments and blank lines', async () => {
    expect(parseWordList('# 注释\n甲词\n\n  乙词  \r\n')).toEqual(['甲词', '乙词'])
    const dir = await mkdtemp(join(tmpdir(), 'xj-words-'))
    try {
      const file = join(dir, 'words.txt')
      await writeFile(file, '自定义词\n')
      const check = localContentCheckFromEnv({ SENSITIVE_WORDS_FILE: file })
      await expect(check.check('含有自定义词的讲稿', ctx)).resolves.toMatchObject({ outcome: 'reject' })
      expect(() => localContentCheckFromEnv({ SENSITIVE_WORDS_FILE: join(dir, 'missing.txt') })).toThrow()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('WeChat msgSecCheck', () => {
  const api = (answer: (content: string) => Promise<unknown>) => {
    const calls: Array<Parameters<MsgSecCheckApi['msgSecCheck']>[0]> = []
    const stub: MsgSecCheckApi = {
      msgSecCheck: (options) => {
        calls.push(options)
        return answer(options.content)
      }
    }
    return { stub, calls }
  }
  const reply = (suggest: string) => Promise.resolve({ errcode: 0, errmsg: 'ok', result: { suggest, label: 100 } })

  it('passes only on an explicit pass, with v2, the caller’s openid and a scene', async () => {
    const { stub, calls } = api(() => reply('pass'))
    await expect(wechatContentCheck(stub).check('正常内容', ctx)).resolves.toMatchObject({ outcome: 'pass' })
    expect(calls).toEqual([{ content: '正常内容', version: 2, scene: 3, openid: 'spk-1' }])
  })

  it.each([
    ['a thrown network error', () => Promise.reject(new Error('socket hang up'))],
    ['a thrown system error', () => Promise.reject(Object.assign(new Error('system error'), { errCode: -1 }))],
    ['a reply without a result', () => Promise.resolve({ errcode: 0 })],
    ['an unknown suggestion', () => reply('maybe')],
    ['a non-zero errcode', () => Promise.resolve({ errcode: 40001, errmsg: 'invalid credential' })],
    ['nothing at all', () => Promise.resolve(undefined)],
    ['a review suggestion', () => reply('review')]
  ])('holds the text for review on %s', async (_name, answer) => {
    const { stub } = api(answer)
    await expect(wechatContentCheck(stub).check('内容', ctx)).resolves.toMatchObject({ outcome: 'review' })
  })

  it('rejects on risky, and on the v1 risky code thrown by the SDK', async () => {
    await expect(wechatContentCheck(api(() => reply('risky')).stub).check('内容', ctx)).resolves.toMatchObject({ outcome: 'reject' })
    const thrown = api(() => Promise.reject(Object.assign(new Error('risky'), { errCode: 87014 }))).stub
    await expect(wechatContentCheck(thrown).check('内容', ctx)).resolves.toMatchObject({ outcome: 'reject' })
  })

  it('checks a long script in chunks: every chunk must pass, one doubtful chunk holds it', async () => {
    const text = '讲'.repeat(MSG_SEC_CHECK_MAX_CHARS) + '稿'.repeat(10)
    expect(chunkText(text, MSG_SEC_CHECK_MAX_CHARS).map((c) => c.length)).toEqual([MSG_SEC_CHECK_MAX_CHARS, 10])
    const passing = api(() => reply('pass'))
    await expect(wechatContentCheck(passing.stub).check(text, ctx)).resolves.toMatchObject({ outcome: 'pass' })
    expect(passing.calls).toHaveLength(2)
    const second = api((content) => (content.startsWith('稿') ? Promise.reject(new Error('timeout')) : reply('pass')))
    await expect(wechatContentCheck(second.stub).check(text, ctx)).resolves.toMatchObject({ outcome: 'review' })
  })
})
