import { create } from 'zustand'
import type { Me } from '../core/api'
import { call, CallError } from '../services/cloud'

interface MeState {
  status: 'idle' | 'loading' | 'ready' | 'signed-out' | 'error'
  me: Me | null
  error: string | null
  load(): Promise<void>
}

export const useMe = create<MeState>()((set) => ({
  status: 'idle',
  me: null,
  error: null,
  load: async () => {
    set({ status: 'loading', error: null })
    try {
      set({ status: 'ready', me: await call('user', 'me', {}) })
    } catch (e) {
      if (e instanceof CallError && e.code === 'UNAUTHENTICATED') set({ status: 'signed-out', me: null })
      else set({ status: 'error', error: e instanceof CallError ? e.message : '加载失败，请稍后重试' })
    }
  }
}))
