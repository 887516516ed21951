// The slice of wx-server-sdk we use. The SDK is installed by CloudBase from each function's
// package.json at deploy time; it is never bundled and not needed to run anything locally.
declare module 'wx-server-sdk' {
  interface WXContext {
    OPENID: string
    APPID: string
    UNIONID?: string
    ENV: string
  }
  interface TempFileURLResult {
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }>
  }
  const cloud: {
    DYNAMIC_CURRENT_ENV: symbol
    init(options: { env: symbol | string }): void
    getWXContext(): WXContext
    getTempFileURL(options: { fileList: string[] }): Promise<TempFileURLResult>
  }
  export default cloud
}
