import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import './index.scss'

/** A labelled form row with its error shown right under the control, where the eye already is. */
export function Field({ name, label, required, error, hint, children }: { name: string; label: string; required?: boolean; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className={error ? 'field field--error' : 'field'} data-testid={`field-${name}`}>
      <View className='field__label'>
        <Text>{label}</Text>
        {required ? <Text className='field__required'>*</Text> : null}
      </View>
      <View className='field__control'>{children}</View>
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : hint ? (
        <Text className='field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}

export interface Choice {
  value: string
  label: string
}

/** A short list of options as buttons: quicker than a picker on a phone when there are a handful. */
export function Choices({ value, options, disabled, onChange }: { value: string; options: readonly Choice[]; disabled?: boolean; onChange: (value: string) => void }) {
  return (
    <Radio.Group className='choices' value={value} shape='button' direction='horizontal' disabled={disabled} onChange={(v) => onChange(String(v))}>
      {options.map((o) => (
        <Radio key={o.value} value={o.value} shape='button'>
          {o.label}
        </Radio>
      ))}
    </Radio.Group>
  )
}
