import type { Me } from '../../../src/core/api'
import { Role } from '../../../src/core/api'
import type { Db } from '../db/schema'

/** The caller's profile and roles in every campaign; unknown callers get an empty profile. */
export async function describeMe(db: Db, openid: string): Promise<Me> {
  const user = await db.selectFrom('users').select(['nickname']).where('openid', '=', openid).executeTakeFirst()
  const rows = await db
    .selectFrom('members')
    .innerJoin('campaigns', 'campaigns.id', 'members.campaign_id')
    .leftJoin('units', 'units.id', 'members.unit_id')
    .select(['members.campaign_id', 'campaigns.name as campaign_name', 'members.role', 'members.name', 'members.unit_id', 'units.name as unit_name'])
    .where('members.openid', '=', openid)
    .orderBy('campaigns.created_at', 'desc')
    .orderBy('members.role')
    .execute()
  return {
    openid,
    name: rows[0]?.name ?? user?.nickname ?? null,
    memberships: rows.map((r) => ({
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      role: Role.parse(r.role),
      unitId: r.unit_id,
      unitName: r.unit_name
    }))
  }
}
