import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { roleLabel } from '../../core/api'
import { membershipLink, RoleActions, type RoleLink } from '../../components/role-actions'
import { ErrorView, LoadingView } from '../../components/state-views'
import { useMe } from '../../stores/me'
import { useSession } from '../../stores/session'
import './index.scss'

const isLocalH5 = process.env.TARO_ENV === 'h5'

export default function MePage() {
  const { status, me, error, load } = useMe()
  const signOut = useSession((s) => s.signOut)

  useDidShow(() => {
    void load()
  })

  const toDevLogin = () => void Taro.navigateTo({ url: '/pages/dev-login/index' })

  if (status === 'idle' || status === 'loading') return <LoadingView />
  if (status === 'error') return <ErrorView message={error ?? '加载失败'} onRetry={() => void load()} />
  if (status === 'signed-out' || !me) {
    return (
      <View className='me me--signed-out'>
        <Text className='me__hint'>尚未登录</Text>
        {isLocalH5 ? (
          <Button type='primary' onClick={toDevLogin}>
            选择演示身份
          </Button>
        ) : null}
      </View>
    )
  }

  return (
    <View className='me'>
      <View className='me__profile'>
        <Text className='me__name' data-testid='me-name'>
          {me.name ?? '微信用户'}
        </Text>
      </View>
      <RoleActions title='我的工作' links={me.memberships.map(membershipLink).filter((l): l is RoleLink => l !== null)} />
      <CellGroup title='我的身份'>
        {me.memberships.length === 0 ? <Cell title='暂未加入任何活动' /> : null}
        {me.memberships.map((m) => (
          <Cell
            key={`${m.campaignId}-${m.role}`}
            title={roleLabel[m.role]}
            description={m.campaignName}
            extra={m.unitName ?? ''}
          />
        ))}
      </CellGroup>
      {isLocalH5 ? (
        <View className='me__actions'>
          <Button onClick={toDevLogin}>切换演示身份</Button>
          <Button
            onClick={() => {
              signOut()
              void load()
            }}
          >
            退出
          </Button>
        </View>
      ) : null}
    </View>
  )
}
