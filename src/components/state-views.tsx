import { View, Text } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import './state-views.scss'

/** The three states every list page shares: loading, empty and error with a retry. */
export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state-view' aria-busy='true'>
      <Loading type='circular'>{text}</Loading>
    </View>
  )
}

export function EmptyView({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className='state-view'>
      <Empty title={title} description={hint} />
    </View>
  )
}

export function ErrorView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='state-view state-view--error' role='alert'>
      <Text className='state-view__message'>{message}</Text>
      <Button type='primary' size='small' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
