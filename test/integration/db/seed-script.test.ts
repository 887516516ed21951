import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { openDatabase } from '../../../cloudfunctions/shared/db/open'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xj-seed-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const seed = (...args: string[]): Promise<{ stdout: string }> =>
  run(TSX, ['scripts/seed.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: join(dir, '.data') }
  })

const campaignIds = async (): Promise<string[]> => {
  const opened = await openDatabase({ dataDir: join(dir, '.data') })
  try {
    return (await opened.db.selectFrom('campaigns').select('id').execute()).map((c) => c.id)
  } finally {
    await opened.close()
  }
}

describe('npm run seed', () => {
  it('seeds an empty data folder, keeps it on a second run and rebuilds it with --reset', async () => {
    const first = await seed()
    expect(first.stdout).toContain('已写入演示活动')
    expect(first.stdout).toContain('demo-organizer')
    const [seeded] = await campaignIds()
    expect(seeded).toBeDefined()

    const again = await seed()
    expect(again.stdout).toContain('未写入演示数据')
    expect(await campaignIds()).toEqual([seeded])

    const reset = await seed('--reset')
    expect(reset.stdout).toContain('已删除全部数据表')
    const after = await campaignIds()
    expect(after).toHaveLength(1)
    expect(after[0]).not.toBe(seeded)
  })

  it('fails with a message on an unknown argument', async () => {
    await expect(seed('--wipe')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('未知参数：--wipe') })
  })
})
