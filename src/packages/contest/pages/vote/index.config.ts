export default definePageConfig({ navigationBarTitleText: '观众投票' })
