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
    /** Cloud calls of WeChat's open API; each needs its name in the function's config.json permissions. */
    openapi: {
      security: {
        /** Text content check, v2: the reply is read by src/core/contest outcomeFromMsgSecCheck. */
        msgSecCheck(options: { content: string; version: 2; scene: number; openid: string }): Promise<unknown>
      }
    }
  }
  export default cloud
}
