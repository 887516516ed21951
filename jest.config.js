// Unit and integration tests run in node; page tests opt into jsdom with a `@jest-environment jsdom` docblock.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' },
      module: { type: 'commonjs' }
    }]
  },
  // Taro's H5 components are ESM: let swc transform them instead of ignoring node_modules wholesale.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|@nutui|\\.pnpm|tslib|swiper|ssr-window|dom7|@nutui|@react-spring|classnames|@tus|srvx|zod)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // The package's `main` is a UMD bundle that draws on a canvas at import; use its ES build as webpack does.
    '^@nutui/nutui-react-taro$': '<rootDir>/node_modules/@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    // jsdom has no canvas; lottie-web draws on one at import time and we never show a Lottie.
    '^lottie-react$': '<rootDir>/test/support/lottie-stub.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.js'
  },
  setupFiles: ['<rootDir>/test/support/setup-env.js'],
  testTimeout: 30000
}
