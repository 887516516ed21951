/** @jest-environment jsdom */
import { XLSX_MIME } from '../../../src/core/api'
import { saveExportedFile } from '../../../src/services/export-file'

describe('saving an exported workbook on H5', () => {
  it('downloads the decoded bytes under the file name the cloud chose', async () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x7f])
    const base64 = Buffer.from(bytes).toString('base64')
    let saved: Blob | undefined
    const create = jest.fn((blob: Blob) => {
      saved = blob
      return 'blob:xj/1'
    })
    const revoke = jest.fn()
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke })
    const clicks: Array<{ href: string; download: string }> = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download })
    })

    await saveExportedFile({ fileName: '大学习_报名汇总_2026-11-23.xlsx', mime: XLSX_MIME, base64, rows: 1 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    click.mockRestore()

    expect(clicks).toEqual([{ href: 'blob:xj/1', download: '大学习_报名汇总_2026-11-23.xlsx' }])
    expect(saved?.type).toBe(XLSX_MIME)
    const read = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as ArrayBuffer)
      reader.readAsArrayBuffer(saved as Blob)
    })
    expect(new Uint8Array(read)).toEqual(bytes)
    expect(revoke).toHaveBeenCalledWith('blob:xj/1')
    expect(document.querySelectorAll('a').length).toBe(0)
  })
})
