import { Upload } from 'tus-js-client'
import { blobSource, type ByteSource } from '../../../media'
import { getDevOpenId } from '../../../services/dev-identity'

/** A video the speaker picked, readable in ranges before anything is uploaded. */
export interface PickedVideo {
  name: string
  size: number
  source: ByteSource
  ref: File
}

export type PickFrom = 'album' | 'chat'

/** Sources this platform offers; the browser has one file chooser. */
export const pickSources: PickFrom[] = ['album']

/** H5: the browser's file chooser. Resolves null when the user cancels. */
export function pickVideo(_from: PickFrom): Promise<PickedVideo | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'video/mp4,video/quicktime,video/*'
    input.onchange = () => {
      const file = input.files?.[0]
      resolve(file ? { name: file.name, size: file.size, source: blobSource(file), ref: file } : null)
    }
    input.oncancel = () => resolve(null)
    input.click()
  })
}

/**
 * H5 upload: resumable (tus) to the local runner, so a dropped connection resumes where it stopped
 * instead of starting the 500 MB again. Resolves the stored file's id.
 */
export function uploadVideo(video: PickedVideo, onProgress: (fraction: number) => void): Promise<string> {
  const openid = getDevOpenId()
  return new Promise((resolve, reject) => {
    const upload = new Upload(video.ref, {
      endpoint: '/api/uploads',
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      headers: openid ? { 'X-Dev-OpenId': openid } : {},
      metadata: { filename: video.name, filetype: video.ref.type || 'video/mp4', purpose: 'video' },
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress(total > 0 ? sent / total : 0),
      onError: () => reject(new Error('上传失败，请检查网络后重试（已上传的部分会保留）')),
      onSuccess: () => {
        const id = upload.url?.split('/').pop()
        if (id) resolve(id)
        else reject(new Error('上传完成，但没有拿到文件编号，请重试'))
      }
    })
    // Resume an interrupted upload of the same file rather than starting over.
    void upload.findPreviousUploads().then((previous) => {
      const [last] = previous
      if (last) upload.resumeFromPreviousUpload(last)
      upload.start()
    })
  })
}

/** Local mode: what the runner stores is already a file of ours; nothing to register. */
export async function registerUpload(uploaded: string, _name: string): Promise<string> {
  return uploaded
}

export const cameraHint = '浏览器中请选择已录好的 MP4 视频文件。'
