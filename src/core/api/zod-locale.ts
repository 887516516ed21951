import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

// Validation messages reach the phone as they are, so zod speaks Chinese everywhere it runs.
// Only this locale is imported: `z.locales` would bundle every language (~700 KB) into each function.
z.config(zhCN())
