import { create } from 'zustand'
import type { Me } from '../core/api'
import { call, CallError } from '../services/cloud'

interface MeState {
  status: 'idle' | 'loading' | 'ready' | 'signed-out' | 'error'
  me: Me | null
  error: string | null
  load(): Promise<void>
  /** Loads once (or waits for the load under way): for pages that only need to know who is looking. */
  ensure(): Promise<void>
}

let loading: Promise<void> | null = null

export const useMe = create<MeState>()((set, get) => ({
  status: 'idle',
  me: null,
  error: null,
  load: () => {
    set({ status: 'loading', error: null })
    const run = (async () => {
      try {
        set({ status: 'ready', me: await call('user', 'me', {}) })
      } catch (e) {
        if (e instanceof CallError && e.code === 'UNAUTHENTICATED') set({ status: 'signed-out', me: null })
        else set({ status: 'error', error: e instanceof CallError ? e.message : '加载失败，请稍后重试' })
      }
    })()
    loading = run
    return run
  },
  ensure: async () => {
    const { status } = get()
    if (status === 'idle' || status === 'error') return get().load()
    if (status === 'loading' && loading !== null) return loading
  }
}))
