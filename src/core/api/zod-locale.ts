import { z } from 'zod'

// Validation messages reach the phone as they are, so zod speaks Chinese everywhere it runs.
z.config(z.locales.zhCN())
