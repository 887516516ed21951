import Taro from '@tarojs/taro'
import type { ExportedFile } from '../core/api'

/**
 * WeChat: the workbook is written to the user data folder and opened in the document viewer, whose
 * menu lets the organizer forward it to a chat or open it in another app (a mini-program cannot download).
 */
export async function saveExportedFile(file: ExportedFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (res) => reject(new Error(`保存文件失败：${res.errMsg}`))
    })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
