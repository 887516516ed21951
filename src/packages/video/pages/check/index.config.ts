export default definePageConfig({ navigationBarTitleText: '上传宣讲视频' })
