export default defineAppConfig({
  pages: ['pages/home/index', 'pages/ranking/index', 'pages/me/index', 'pages/campaign/index', 'pages/dev-login/index'],
  subPackages: [
    { root: 'packages/contest', pages: ['pages/register/index', 'pages/entry/index', 'pages/unit/index', 'pages/judge/index', 'pages/score/index', 'pages/vote/index', 'pages/admin/index'] },
    // The video check carries the MP4 reader (mp4box): a subpackage keeps it out of the main package.
    { root: 'packages/video', pages: ['pages/check/index'] }
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '微宣讲',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5'
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png', text: '赛事' },
      { pagePath: 'pages/ranking/index', iconPath: 'assets/tab/ranking.png', selectedIconPath: 'assets/tab/ranking-active.png', text: '排行' },
      { pagePath: 'pages/me/index', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png', text: '我的' }
    ]
  }
})
