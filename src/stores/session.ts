import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Persona } from '../services/dev-login'
import { setDevOpenId } from '../services/dev-identity'
import { taroStorage } from './taro-storage'

interface SessionState {
  /** Local mode: who the user chose to be on the dev login page. */
  persona: Persona | null
  choosePersona(persona: Persona): void
  signOut(): void
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      persona: null,
      choosePersona: (persona) => {
        setDevOpenId(persona.openid)
        set({ persona })
      },
      signOut: () => {
        setDevOpenId(null)
        set({ persona: null })
      }
    }),
    { name: 'xuanjiang.session', storage: createJSONStorage(() => taroStorage), partialize: (s) => ({ persona: s.persona }) }
  )
)
