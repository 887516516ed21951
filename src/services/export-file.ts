import type { ExportedFile } from '../core/api'

/** H5: the workbook becomes a Blob and the browser downloads it under its own name. */
export async function saveExportedFile(file: ExportedFile): Promise<void> {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked on the next turn: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
