// Lint rule: src/core is the pure heart of the app. It may import only itself and zod —
// no Taro, React, Node or SDK module, and nothing of ours outside src/core.
const path = require('node:path')

const ALLOWED_PACKAGES = new Set(['zod'])

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'src/core imports nothing outside itself except zod' },
    messages: {
      outside: "src/core must stay pure: '{{source}}' leaves src/core",
      package: "src/core must stay pure: package '{{source}}' is not allowed (only zod)"
    },
    schema: [{ type: 'object', properties: { coreDir: { type: 'string' } }, additionalProperties: false }]
  },
  create(context) {
    const filename = context.filename
    const coreDir = path.resolve(context.cwd, (context.options[0] && context.options[0].coreDir) || 'src/core')
    if (!filename.startsWith(coreDir + path.sep)) return {}
    const check = (node, source) => {
      if (typeof source !== 'string') return
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(filename), source)
        if (target !== coreDir && !target.startsWith(coreDir + path.sep)) {
          context.report({ node, messageId: 'outside', data: { source } })
        }
        return
      }
      const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]
      if (!ALLOWED_PACKAGES.has(pkg)) context.report({ node, messageId: 'package', data: { source } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0] && node.arguments[0].type === 'Literal') {
          check(node, node.arguments[0].value)
        }
      }
    }
  }
}
