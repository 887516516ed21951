import type { CampaignDetail, CampaignGetInput, CampaignListInput, CampaignSummary } from './campaign'
import type { Me } from './user'

/**
 * Every cloud function and action the phone may call, with input and output types.
 * The cloud parses inputs with the zod schemas beside these types; the phone gets the types.
 */
export interface Api {
  campaign: {
    list: { input: CampaignListInput; output: CampaignSummary[] }
    get: { input: CampaignGetInput; output: CampaignDetail }
  }
  user: {
    me: { input: Record<string, never>; output: Me }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Entry<F extends FunctionName, A extends ActionName<F>> = Api[F][A]
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { input: infer I } ? I : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Entry<F, A> extends { output: infer O } ? O : never

export * from './campaign'
export * from './envelope'
export * from './user'
