// babel-preset-taro: Taro compiles the app (TS + React) with babel; jest uses @swc/jest instead.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]]
}
