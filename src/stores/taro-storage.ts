import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/** zustand persistence over Taro's storage, which is localStorage on H5 and wx storage on weapp. */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value.length > 0 ? value : null
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name)
}
