import { open, stat } from 'node:fs/promises'
import path from 'node:path'
import type { FileStorage } from '../cloudfunctions/shared/ports'

/** Stored files are the finished tus uploads in the data folder, named by their upload id. */
export function localFileStorage(uploadsDir: string): FileStorage {
  const fileOf = (fileId: string) => {
    // Upload ids are our own hex names; anything else never reaches the disk.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) return null
    return path.join(uploadsDir, fileId)
  }
  return {
    async size(fileId) {
      const file = fileOf(fileId)
      if (!file) return null
      try {
        return (await stat(file)).size
      } catch {
        return null
      }
    },
    async read(fileId, offset, length) {
      const file = fileOf(fileId)
      if (!file) throw new Error(`no such file: ${fileId}`)
      const handle = await open(file, 'r')
      try {
        const buffer = new Uint8Array(Math.max(0, length))
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    }
  }
}
