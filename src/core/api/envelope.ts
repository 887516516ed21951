import './zod-locale'
import { z } from 'zod'

/** What every cloud function receives: an action name and its payload. Identity is never in here. */
export const CallEvent = z.object({
  action: z.string({ error: '缺少 action' }).min(1, 'action 不能为空').max(64),
  payload: z.unknown().optional()
})
export type CallEvent = z.infer<typeof CallEvent>

/** Turns a zod issue path into the dotted field name the phone shows, e.g. `form.phone`. */
export function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[')
}
