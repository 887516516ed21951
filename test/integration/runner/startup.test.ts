import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../../cloudfunctions/shared/db/open'
import { startRunner } from '../../support/runner-process'

jest.setTimeout(60_000)

const root = path.resolve(__dirname, '../../..')
let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'xj-start-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** Runs the runner to its exit and returns the code and everything it printed. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'runner', 'main.ts')], {
      cwd: root,
      env: { ...process.env, SKIP_BUILD: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

describe('npm start', () => {
  it('creates a missing data folder, seeds once, and shuts down cleanly on SIGTERM keeping what was committed', async () => {
    const nested = path.join(dataDir, 'not', 'yet')
    const runner = await startRunner({ SKIP_BUILD: '1', DATA_DIR: nested })
    expect(runner.output()).toContain('首次启动')
    expect(await runner.stop()).toBe(0)
    const file = path.join(nested, 'xuanjiang.db')
    expect(existsSync(file)).toBe(true)

    const again = await startRunner({ SKIP_BUILD: '1', DATA_DIR: nested })
    expect(again.output()).not.toContain('首次启动')
    expect(await again.stop()).toBe(0)

    const opened = await openDatabase({ dataDir: nested })
    const campaigns = await opened.db.selectFrom('campaigns').select('name').execute()
    await opened.close()
    expect(campaigns.map((c) => c.name)).toEqual(['大学习 走在前·千名支部书记微宣讲'])
  })

  it('stops on a corrupt database file with a message naming it, and never overwrites it', async () => {
    const file = path.join(dataDir, 'xuanjiang.db')
    const garbage = Buffer.from('这不是数据库 — not a database at all, just text\n'.repeat(200))
    writeFileSync(file, garbage)
    const { code, output } = await runToExit({ DATA_DIR: dataDir, PORT: '0' })
    expect(code).toBe(1)
    expect(output).toContain(file)
    expect(output).toContain('启动失败')
    expect(readFileSync(file).equals(garbage)).toBe(true)
  })

  it('reports a port in use clearly', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      const { code, output } = await runToExit({ DATA_DIR: dataDir, PORT: String(port) })
      expect(code).toBe(1)
      expect(output).toContain(`端口 ${port} 已被占用`)
    } finally {
      blocker.close()
    }
  })
})
