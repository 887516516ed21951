import { View, Text } from '@tarojs/components'
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import type { ResultsLabels } from '../../core/api'
import { formatPoints, OVERALL_GROUP, type AwardGrant, type ResultsSnapshot } from '../../core/contest'
import './index.scss'

type Results = ResultsSnapshot & ResultsLabels

const groupName = (r: Results, group: string): string => (group === OVERALL_GROUP ? '全部作品' : (r.tracks[group] ?? '赛道'))

function byTier(awards: readonly AwardGrant[]): Array<{ tier: string; grants: AwardGrant[] }> {
  const tiers: Array<{ tier: string; index: number; grants: AwardGrant[] }> = []
  for (const a of awards) {
    const t = tiers.find((x) => x.tier === a.tier)
    if (t) t.grants.push(a)
    else tiers.push({ tier: a.tier, index: a.tierIndex, grants: [a] })
  }
  return tiers.sort((a, b) => a.index - b.index).map((t) => ({ tier: t.tier, grants: t.grants.sort((a, b) => a.position - b.position) }))
}

/** Awards by tier, 组织奖 and the ranking with scores, from a published snapshot or a preview, per group. */
export function ResultsBoard({ results, showRanking = true }: { results: Results; showRanking?: boolean }) {
  const entry = (id: string) => results.entries[id]
  const winners = results.organizations.filter((o) => o.awarded)
  return (
    <View className='results-board'>
      {results.ranking.map((g) => {
        const tiers = byTier(results.awards.filter((a) => a.group === g.group))
        return (
          <View key={g.group}>
            <CellGroup title={`获奖名单 · ${groupName(results, g.group)}`}>
              {tiers.length === 0 ? <Cell title='暂无获奖作品' /> : null}
              {tiers.map((t) =>
                t.grants.map((a) => (
                  <Cell
                    key={a.entryId}
                    title={entry(a.entryId)?.title ?? '作品'}
                    description={`${entry(a.entryId)?.speakerName ?? ''} · ${results.units[a.unitId] ?? ''}`}
                    extra={<Tag type={a.tierIndex === 0 ? 'danger' : a.tierIndex === 1 ? 'warning' : 'primary'}>{t.tier}</Tag>}
                  />
                ))
              )}
            </CellGroup>
            {showRanking ? (
              <CellGroup title={`成绩排名 · ${groupName(results, g.group)}`}>
                {g.standings.map((s) => (
                  <Cell
                    key={s.entryId}
                    title={
                      <View className='results-board__row'>
                        <Text className='results-board__place'>{s.position}</Text>
                        <Text>{entry(s.entryId)?.title ?? '作品'}</Text>
                      </View>
                    }
                    description={`${entry(s.entryId)?.speakerName ?? ''} · ${results.units[s.unitId] ?? ''}${s.missingRounds.length > 0 ? ' · 有轮次未评分' : ''}`}
                    extra={`${formatPoints(s.finalScore)} 分`}
                  />
                ))}
              </CellGroup>
            ) : null}
          </View>
        )
      })}
      <CellGroup title='组织奖'>
        {winners.length === 0 ? <Cell title='暂无' /> : null}
        {winners.map((o) => (
          <Cell key={o.unitId} title={results.units[o.unitId] ?? '单位'} extra={`${o.points} 分`} />
        ))}
      </CellGroup>
    </View>
  )
}
