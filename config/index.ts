import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// One output folder per platform, so the H5 app and the weapp build never overwrite each other.
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV ?? 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xuanjiang',
    date: '2026-11-23',
    designWidth: (input) => {
      // NutUI is drawn for a 375 px design; our own styles use the 750 px one.
      const file = typeof input === 'object' && input !== null && 'file' in input ? String(input.file) : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {},
    alias: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's H5 default quotes every key (an old-IE habit), which turns a private method `#e(…)` into the
    // syntax error `#"e"(…)`; mp4box has private methods. Our targets never needed quoted keys.
    terser: { enable: true, config: { output: { quote_keys: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      optimizeMainPackage: { enable: true },
      // mp4box ships modern syntax (private methods); transpile it like our own code for older WeChat engines.
      compile: { include: [(modulePath: string) => modulePath.replace(/\\+/g, '/').includes('node_modules/mp4box/')] },
      miniCssExtractPluginOption: { ignoreOrder: true }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      esnextModules: ['@nutui/nutui-react-taro']
    }
  }
  void path
  return mode === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig)
})
