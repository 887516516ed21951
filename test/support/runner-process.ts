import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

export interface RunnerProcess {
  url: string
  child: ChildProcess
  output(): string
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>
}

/** Starts `npm start`'s runner as a user would, on a free port, and waits for its address line. */
export function startRunner(env: Record<string, string>, timeoutMs = 300_000): Promise<RunnerProcess> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'runner', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runner did not start in time:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /本地云已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({
          url: match[1],
          child,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM')
            return exited
          }
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`runner exited with ${code} before starting:\n${output}`))
    })
  })
}
