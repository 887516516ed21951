import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { CampaignSummary, Me, Membership } from '../../core/api'

/** Pages of the contest subpackage, and the video check page of the video subpackage. */
const CONTEST = '/packages/contest/pages'

const query = (params: Record<string, string | undefined>): string => {
  const pairs = Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${encodeURIComponent(v)}`]))
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

export const contestPage = {
  register: (p: { campaignId?: string; entryId?: string }) => `${CONTEST}/register/index${query(p)}`,
  entry: (p: { campaignId?: string; id?: string }) => `${CONTEST}/entry/index${query(p)}`,
  unit: (p: { campaignId: string; unitId: string }) => `${CONTEST}/unit/index${query(p)}`,
  judge: (p: { campaignId: string }) => `${CONTEST}/judge/index${query(p)}`,
  score: (p: { campaignId: string; roundId: string; entryId: string }) => `${CONTEST}/score/index${query(p)}`,
  vote: (p: { campaignId: string }) => `${CONTEST}/vote/index${query(p)}`,
  admin: (p: { campaignId: string }) => `${CONTEST}/admin/index${query(p)}`
}

export const videoCheckPage = (entryId: string): string => `/packages/video/pages/check/index${query({ entryId })}`

export interface RoleLink {
  key: string
  title: string
  description?: string
  url: string
}

/** The one thing each role comes to do, per membership. */
export function membershipLink(m: Membership): RoleLink | null {
  const { campaignId } = m
  switch (m.role) {
    case 'speaker':
      return { key: `${campaignId}-speaker`, title: '我的参赛作品', description: m.campaignName, url: contestPage.entry({ campaignId }) }
    case 'secretary':
      return m.unitId === null
        ? null
        : { key: `${campaignId}-secretary`, title: '本单位进度', description: m.unitName ?? m.campaignName, url: contestPage.unit({ campaignId, unitId: m.unitId }) }
    case 'judge':
      return { key: `${campaignId}-judge`, title: '评分任务', description: m.campaignName, url: contestPage.judge({ campaignId }) }
    case 'organizer':
      return { key: `${campaignId}-organizer`, title: '赛事管理', description: m.campaignName, url: contestPage.admin({ campaignId }) }
    case 'audience':
      return { key: `${campaignId}-audience`, title: '观众投票', description: m.campaignName, url: contestPage.vote({ campaignId }) }
  }
}

/**
 * What the caller can do in one campaign: their roles' pages, plus 我要报名 while registration is open
 * for anyone who may still register, and 投票 in a voting stage for anyone who may vote.
 */
export function campaignLinks(me: Me, campaign: Pick<CampaignSummary, 'id' | 'stage'>): RoleLink[] {
  const mine = me.memberships.filter((m) => m.campaignId === campaign.id)
  const links = mine.map(membershipLink).filter((l): l is RoleLink => l !== null)
  const has = (role: Membership['role']) => mine.some((m) => m.role === role)
  const staff = has('judge') || has('organizer')
  if (!staff && !has('speaker') && campaign.stage === 'registration') {
    links.unshift({ key: 'register', title: '我要报名', description: '填写推荐表，报名参赛', url: contestPage.register({ campaignId: campaign.id }) })
  }
  if (!staff && !has('audience') && (campaign.stage === 'semifinal' || campaign.stage === 'final')) {
    links.push({ key: 'vote', title: '观众投票', description: '为喜爱的作品投票', url: contestPage.vote({ campaignId: campaign.id }) })
  }
  return links
}

export function RoleActions({ title, links }: { title: string; links: readonly RoleLink[] }) {
  if (links.length === 0) return null
  return (
    <CellGroup title={title}>
      {links.map((l) => (
        <Cell key={l.key} className='role-action' title={l.title} description={l.description} extra='前往' clickable onClick={() => void Taro.navigateTo({ url: l.url })} />
      ))}
    </CellGroup>
  )
}
