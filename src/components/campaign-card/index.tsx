import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { stageLabel, type CampaignSummary } from '../../core/api'
import { formatDeadline, remaining } from '../../lib/time'
import './index.scss'

export function CampaignCard({ campaign, now, onOpen }: { campaign: CampaignSummary; now: number; onOpen?: () => void }) {
  const deadline = campaign.stageDeadlineAt
  return (
    <View className='campaign-card' onClick={onOpen}>
      <View className='campaign-card__head'>
        <Text className='campaign-card__name'>{campaign.name}</Text>
        <Tag type='primary'>{stageLabel[campaign.stage]}</Tag>
      </View>
      {campaign.summary ? <Text className='campaign-card__summary'>{campaign.summary}</Text> : null}
      <View className='campaign-card__tracks'>
        {campaign.tracks.map((t) => (
          <Tag key={t.id} type='default' plain>
            {t.name}
          </Tag>
        ))}
      </View>
      <View className='campaign-card__meta'>
        <Text>{campaign.unitCount} 个单位</Text>
        <Text>{campaign.entryCount} 件作品</Text>
        {deadline !== null ? (
          <Text className='campaign-card__deadline'>
            {formatDeadline(deadline)} 截止 · {remaining(deadline, now)}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
