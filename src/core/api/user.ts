import { z } from 'zod'

export const Role = z.enum(['speaker', 'secretary', 'judge', 'organizer', 'audience'])
export type Role = z.infer<typeof Role>

export const roleLabel: Record<Role, string> = {
  speaker: '宣讲员',
  secretary: '支部书记',
  judge: '评委',
  organizer: '组织者',
  audience: '观众'
}

export const MeInput = z.object({}).strict()

export interface Membership {
  campaignId: string
  campaignName: string
  role: Role
  /** The member's unit (secretaries and speakers), so the phone can open the unit's page. */
  unitId: string | null
  unitName: string | null
}

export interface Me {
  openid: string
  name: string | null
  memberships: Membership[]
}
