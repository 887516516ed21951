import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { roleLabel, type Role } from '../../core/api'
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views'
import { listPersonas, type Persona } from '../../services/dev-login'
import { useSession } from '../../stores/session'
import './index.scss'

const roleOrder: Role[] = ['speaker', 'secretary', 'judge', 'organizer', 'audience']

/** Local mode only: pick a seeded persona; the runner turns it into the cloud context's openid. */
export default function DevLoginPage() {
  const [personas, setPersonas] = useState<Persona[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const choosePersona = useSession((s) => s.choosePersona)
  const current = useSession((s) => s.persona)

  const load = () => {
    setError(null)
    listPersonas().then(setPersonas, (e: unknown) => setError(e instanceof Error ? e.message : '加载失败'))
  }
  useEffect(load, [])

  if (process.env.TARO_ENV !== 'h5') return <EmptyView title='仅本地开发环境可用' hint='微信中以当前微信身份登录' />
  if (error) return <ErrorView message={error} onRetry={load} />
  if (!personas) return <LoadingView />
  if (personas.length === 0) return <EmptyView title='没有演示身份' hint='请运行 npm run seed 生成演示数据' />

  const pick = (p: Persona) => {
    choosePersona(p)
    void Taro.switchTab({ url: '/pages/me/index' })
  }

  return (
    <View className='dev-login'>
      <Text className='dev-login__hint'>本地演示：选择一个身份进入，云函数会把它当作微信 OPENID。</Text>
      {roleOrder.map((role) => {
        const group = personas.filter((p) => p.role === role)
        if (group.length === 0) return null
        return (
          <CellGroup key={role} title={roleLabel[role]}>
            {group.map((p) => (
              <Cell
                key={`${p.openid}-${p.role}`}
                title={p.name}
                description={p.unitName ?? undefined}
                extra={current?.openid === p.openid ? '当前' : ''}
                clickable
                onClick={() => pick(p)}
              />
            ))}
          </CellGroup>
        )
      })}
    </View>
  )
}
