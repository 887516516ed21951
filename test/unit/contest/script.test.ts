import { checkScript, countScript, defaultCampaignRules, estimateSeconds, guardContentCheck, localContentCheck, outcomeFromMsgSecCheck } from '../../../src/core/contest'

const LIMITS = defaultCampaignRules.script

describe('countScript', () => {
  it.each([
    ['你好，世界！', 4, 2],
    ['GDP 增长 5.2%', 7, 2],
    ['  \n\t  ', 0, 0],
    ['第二〇三五年', 6, 0],
    ['点赞👍', 2, 1],
    ['e\u0301', 1, 0],
    ['“学习强国”', 4, 2]
  ])('%j has %i read characters and %i punctuation marks', (text, chars, punctuation) => {
    expect(countScript(text)).toEqual({ chars, punctuation })
  })
})

describe('checkScript (2200 字, 10 分钟, 220 字/分钟)', () => {
  it('accepts exactly 2200 characters: 10 minutes', () => {
    expect(checkScript('学'.repeat(2200), LIMITS)).toEqual({ ok: true, chars: 2200, punctuation: 0, seconds: 600, problems: [] })
  })

  it('does not count whitespace or punctuation towards the limit', () => {
    expect(checkScript('学习，'.repeat(1100) + '\n'.repeat(500), LIMITS)).toMatchObject({ ok: true, chars: 2200, punctuation: 1100 })
  })

  it('refuses 2201 characters on both limits, saying by how much', () => {
    const v = checkScript('学'.repeat(2201), LIMITS)
    expect(v.ok).toBe(false)
    expect(v.seconds).toBe(601)
    expect(v.problems).toEqual([
      { code: 'TOO_MANY_CHARS', message: '讲稿共 2201 字，超过上限 2200 字，请删减 1 字' },
      { code: 'TOO_LONG', message: '按每分钟 220 字估算，朗读约需 10 分 1 秒，超过 10 分钟上限' }
    ])
  })

  it('applies a campaign’s own pace: 2100 字 at 200 字/分钟 is 10.5 minutes', () => {
    const v = checkScript('学'.repeat(2100), { maxChars: 3000, maxMinutes: 10, charsPerMinute: 200 })
    expect(v.problems.map((p) => p.code)).toEqual(['TOO_LONG'])
    expect(v.seconds).toBe(630)
  })

  it('refuses an empty script', () => {
    expect(checkScript(' ，。 ', LIMITS).problems).toEqual([{ code: 'EMPTY', message: '讲稿不能为空' }])
  })

  it('rounds reading time up to the second', () => {
    expect(estimateSeconds(1, 220)).toBe(1)
    expect(estimateSeconds(11, 220)).toBe(3)
    expect(estimateSeconds(0, 220)).toBe(0)
  })
})

describe('content check', () => {
  it('rejects a listed word even when spaced or punctuated apart', () => {
    expect(localContentCheck('这是一段正常的讲稿', ['违禁词'])).toEqual({ outcome: 'pass', reason: '内容检查通过' })
    expect(localContentCheck('这里有 违 禁·词 出现', ['违禁词', '其他'])).toMatchObject({ outcome: 'reject', matched: ['违禁词'] })
    expect(localContentCheck('ＡＢＣ', ['abc'])).toMatchObject({ outcome: 'reject' })
    expect(localContentCheck('任何文字', ['', ' '])).toMatchObject({ outcome: 'pass' })
  })

  it.each([
    [{ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }, 'pass'],
    [{ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } }, 'pass'],
    [{ errcode: 0, result: { suggest: 'risky', label: 20001 } }, 'reject'],
    [{ errcode: 0, result: { suggest: 'review', label: 21000 } }, 'review'],
    [{ errCode: 87014, errMsg: 'risky content' }, 'reject'],
    [{ errcode: -1, errmsg: 'system error' }, 'review'],
    [{ errcode: 0 }, 'review'],
    [{ errcode: 0, result: { suggest: 'unknown' } }, 'review'],
    [undefined, 'review'],
    ['ok', 'review'],
    [Object.assign(new Error('timeout'), { errCode: -501001 }), 'review']
  ])('maps the msgSecCheck reply %j to %s', (reply, outcome) => {
    expect(outcomeFromMsgSecCheck(reply).outcome).toBe(outcome)
  })

  it('holds the script for review when the check call itself fails', async () => {
    await expect(guardContentCheck(() => Promise.reject(new Error('network down')))).resolves.toMatchObject({ outcome: 'review' })
    await expect(
      guardContentCheck(() => {
        throw new Error('synchronous failure')
      })
    ).resolves.toMatchObject({ outcome: 'review' })
    await expect(guardContentCheck(() => Promise.resolve({ outcome: 'pass', reason: '内容检查通过' }))).resolves.toMatchObject({ outcome: 'pass' })
  })
})
