export default definePageConfig({ navigationBarTitleText: '本单位进度' })
