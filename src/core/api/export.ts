import { z } from 'zod'

const campaignId = z.string({ error: '请指定活动' }).trim().min(1, '请指定活动').max(40, '活动编号过长')

export const ExportCampaignInput = z.object({ campaignId }).strict()
export type ExportCampaignInput = z.input<typeof ExportCampaignInput>

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A workbook built in the cloud, carried as base64 so it fits the function's JSON reply. */
export interface ExportedFile {
  /** `<活动名称>_报名汇总_YYYY-MM-DD.xlsx`, dated in Shanghai. */
  fileName: string
  mime: typeof XLSX_MIME
  base64: string
  /** Data rows of the main sheet(s): entries listed, or ranked entries across the track sheets. */
  rows: number
}
