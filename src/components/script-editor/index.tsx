import { useMemo } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { checkScript, type CampaignRules } from '../../core/contest'
import './index.scss'

const duration = (seconds: number): string => (seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`)

/**
 * The 讲稿 box with a live count by src/core's rules (letters and digits, reading time at the campaign's
 * pace). The count is a guide while typing; the cloud counts again when the script is saved.
 */
export function ScriptEditor({ value, limits, disabled, onChange }: { value: string; limits: CampaignRules['script']; disabled?: boolean; onChange: (text: string) => void }) {
  const verdict = useMemo(() => checkScript(value, limits), [value, limits])
  const over = verdict.problems.some((p) => p.code !== 'EMPTY')
  return (
    <View className='script-editor'>
      <TextArea
        className='script-editor__box'
        value={value}
        disabled={disabled}
        maxLength={-1}
        rows={12}
        placeholder={`讲稿不超过 ${limits.maxChars} 字，朗读不超过 ${limits.maxMinutes} 分钟`}
        onChange={onChange}
      />
      <View className={over ? 'script-editor__count script-editor__count--over' : 'script-editor__count'} data-testid='script-count'>
        <Text>
          {verdict.chars} / {limits.maxChars} 字
        </Text>
        <Text>
          约 {duration(verdict.seconds)}（上限 {limits.maxMinutes} 分钟，按每分钟 {limits.charsPerMinute} 字估算）
        </Text>
      </View>
      {over
        ? verdict.problems
            .filter((p) => p.code !== 'EMPTY')
            .map((p) => (
              <View key={p.code} className='script-editor__problem' role='alert'>
                {p.message}
              </View>
            ))
        : null}
    </View>
  )
}
