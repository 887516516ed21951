export default definePageConfig({ navigationBarTitleText: '报名推荐表' })
