import { View, Text } from '@tarojs/components'
import type { Notice } from '../../stores/failure'
import './index.scss'

/** The outcome of the last action, under the page header: green when done, red with the cloud's reason when not. */
export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (notice === null) return null
  return (
    <View className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <Text>{notice.text}</Text>
    </View>
  )
}
