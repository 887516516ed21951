import { Linter, type Rule } from 'eslint'
import path from 'node:path'
import tseslint from 'typescript-eslint'
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is a CommonJS module, as eslint loads it
const coreBoundary = require('../../../eslint/core-boundary.js') as Rule.RuleModule

const root = path.resolve(__dirname, '../../..')
const linter = new Linter({ cwd: root })
const lint = async (file: string, code: string) =>
  linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser as Linter.Parser },
          plugins: { xuanjiang: { rules: { 'core-boundary': coreBoundary } } },
          rules: { 'xuanjiang/core-boundary': 'error' }
        }
      ],
      { filename: path.join(root, file) }
    )
    .map((m) => m.message)

describe('core boundary lint rule', () => {
  it('lets src/core import itself and zod', async () => {
    expect(await lint('src/core/contest/x.ts', "import { z } from 'zod'\nimport { AppError } from '../errors'\nexport { z, AppError }\n")).toEqual([])
  })

  it('refuses Taro, React, Node, SDK and our own outer layers inside src/core', async () => {
    const sources = ["'@tarojs/taro'", "'react'", "'node:fs'", "'fs'", "'wx-server-sdk'", "'kysely'", "'../../services/cloud'", "'../../../cloudfunctions/shared/ports'"]
    for (const source of sources) {
      const messages = await lint('src/core/contest/x.ts', `import x from ${source}\nexport default x\n`)
      expect(messages).toHaveLength(1)
    }
    expect(await lint('src/core/x.ts', "const fs = require('fs')\nexport default fs\n")).toHaveLength(1)
    expect(await lint('src/core/x.ts', "export * from '../stores/me'\n")).toHaveLength(1)
  })

  it('leaves code outside src/core alone', async () => {
    expect(await lint('src/services/x.ts', "import Taro from '@tarojs/taro'\nexport default Taro\n")).toEqual([])
  })
})
