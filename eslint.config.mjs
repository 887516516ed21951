import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import coreBoundary from './eslint/core-boundary.js'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.cache/**', '.build/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { xuanjiang: { rules: { 'core-boundary': coreBoundary } }, 'react-hooks': reactHooks },
    rules: {
      'xuanjiang/core-boundary': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
