import { newId } from '../../../cloudfunctions/shared/db/ids'

describe('newId', () => {
  it('makes distinct ids that fit a varchar(40) column', () => {
    const ids = Array.from({ length: 5000 }, () => newId('ent'))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^ent_[0-9a-hjkmnp-tv-z]{26}$/)
    expect(newId('abcdefghijkl').length).toBeLessThanOrEqual(40)
  })

  it('sorts as text in the order the ids were made, within one millisecond too', () => {
    const ids = Array.from({ length: 2000 }, () => newId('vote', 1_772_668_800_000))
    expect([...ids].sort()).toEqual(ids)
    const later = newId('vote', 1_772_668_800_001)
    expect(later > (ids[ids.length - 1] ?? '')).toBe(true)
  })

  it('never goes backwards when the clock does', () => {
    const a = newId(undefined, 1_900_000_000_000)
    const b = newId(undefined, 1_800_000_000_000)
    expect(b > a).toBe(true)
  })

  it('refuses prefixes that would break the layout', () => {
    for (const bad of ['', 'Ent', 'e_t', '1ent', 'abcdefghijklm']) expect(() => newId(bad)).toThrow('id prefix')
  })
})
