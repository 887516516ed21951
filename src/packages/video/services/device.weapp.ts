import Taro from '@tarojs/taro'
import type { ByteSource } from '../../../media'
import { call } from '../../../services/cloud'

export interface PickedVideo {
  name: string
  size: number
  source: ByteSource
  ref: string
}

export type PickFrom = 'album' | 'chat'

export const pickSources: PickFrom[] = ['album', 'chat']

/** Ranged reads through the file system manager: only the header boxes leave the flash, never the video. */
function fileSource(path: string, size: number): ByteSource {
  const fs = Taro.getFileSystemManager()
  return {
    size: async () => size,
    read: async (offset, length) => {
      const end = Math.min(size, offset + length)
      if (end <= offset) return new Uint8Array(0)
      const fd = fs.openSync({ filePath: path, flag: 'r' })
      try {
        const buffer = new ArrayBuffer(end - offset)
        const { bytesRead } = fs.readSync({ fd, arrayBuffer: buffer, offset: 0, length: end - offset, position: offset })
        return new Uint8Array(buffer, 0, bytesRead)
      } finally {
        fs.closeSync({ fd })
      }
    }
  }
}

/** Album (original quality, never recompressed) or a file from a chat. Null when the user cancels. */
export async function pickVideo(from: PickFrom): Promise<PickedVideo | null> {
  try {
    if (from === 'chat') {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'video' })
      const file = res.tempFiles[0]
      return file ? { name: file.name, size: file.size, source: fileSource(file.path, file.size), ref: file.path } : null
    }
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album'], sizeType: ['original'] })
    const file = res.tempFiles[0]
    if (!file) return null
    const name = file.tempFilePath.split('/').pop() ?? 'video.mp4'
    return { name, size: file.size, source: fileSource(file.tempFilePath, file.size), ref: file.tempFilePath }
  } catch {
    return null
  }
}

/** WeChat: straight into cloud storage, with progress. Resolves the cloud:// fileID. */
export function uploadVideo(video: PickedVideo, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const ext = video.name.toLowerCase().endsWith('.mov') ? 'mov' : 'mp4'
    const task = Taro.cloud.uploadFile({
      cloudPath: `videos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
      filePath: video.ref,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new Error('上传失败，请检查网络后重试'))
    })
    task.onProgressUpdate((p) => onProgress(p.progress / 100))
  })
}

/** Records the cloud file as the caller's upload so it can be attached to the entry. */
export async function registerUpload(storageKey: string, name: string): Promise<string> {
  const { fileId } = await call('media', 'registerUpload', { storageKey, name })
  return fileId
}

export const cameraHint = '微信相机最长只能录 60 秒：请先用手机相机录好，再从相册选择；或从聊天记录中选择电脑发来的视频。'
