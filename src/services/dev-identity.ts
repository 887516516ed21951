import Taro from '@tarojs/taro'

/**
 * Local mode only: the persona picked on the dev login page. The runner moves it into the
 * function's context; it never travels inside an event, and production refuses it.
 */
const KEY = 'xuanjiang.devOpenId'

export function getDevOpenId(): string | null {
  const value: unknown = Taro.getStorageSync(KEY)
  return typeof value === 'string' && value.length > 0 ? value : null
}

export function setDevOpenId(openid: string | null): void {
  if (openid) Taro.setStorageSync(KEY, openid)
  else Taro.removeStorageSync(KEY)
}
