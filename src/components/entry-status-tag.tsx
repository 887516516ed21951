import { Tag } from '@nutui/nutui-react-taro'
import { ENTRY_STATUS_LABEL, type EntryStatus } from '../core/contest'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

const TONE: Readonly<Record<EntryStatus, TagType>> = {
  draft: 'default',
  pending: 'warning',
  returned: 'danger',
  endorsed: 'info',
  submitted: 'primary',
  recommended: 'success',
  finalist: 'success',
  withdrawn: 'default'
}

/** An entry's status in the words of the contest (草稿, 待单位审核, 已退回 …). */
export function EntryStatusTag({ status }: { status: EntryStatus }) {
  return <Tag type={TONE[status]}>{ENTRY_STATUS_LABEL[status]}</Tag>
}
