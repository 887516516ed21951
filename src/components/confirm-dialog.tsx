import type { ReactNode } from 'react'
import { Dialog } from '@nutui/nutui-react-taro'

/**
 * A question before anything that cannot be undone from the phone (withdraw, publish, advance a stage).
 * `onConfirm` may reject to keep the dialog open, e.g. when the reason typed in it was refused.
 */
export function ConfirmDialog({
  visible,
  title,
  confirmText = '确定',
  onConfirm,
  onClose,
  children
}: {
  visible: boolean
  title: string
  confirmText?: string
  onConfirm: () => Promise<void> | void
  onClose: () => void
  children: ReactNode
}) {
  return (
    <Dialog visible={visible} title={title} confirmText={confirmText} cancelText='取消' onConfirm={onConfirm} onCancel={onClose} onClose={onClose}>
      {children}
    </Dialog>
  )
}
