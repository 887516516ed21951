import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildCloudFunctions, cloudOutRoot } from '../scripts/build-cloud'

const root = path.resolve(__dirname, '..')
export const h5OutDir = path.join(root, 'dist', 'h5')
export const functionsOutDir = cloudOutRoot

function newestMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string) => {
    if (!existsSync(p)) return
    const st = statSync(p)
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name))
    } else newest = Math.max(newest, st.mtimeMs)
  }
  paths.forEach(visit)
  return newest
}

function isFresh(stamp: string, inputs: string[]): boolean {
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(inputs.map((p) => path.join(root, p)))
}

const H5_INPUTS = ['src', 'config', 'babel.config.js', 'package-lock.json']
const CLOUD_INPUTS = ['cloudfunctions', 'src/core', 'scripts/build-cloud.ts', 'package-lock.json']

/** Runs a build quietly (Taro's progress bar floods a log) and shows its output only when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // A production build whatever the caller's NODE_ENV (jest sets `test`, which turns on React Refresh).
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) return resolve()
      process.stderr.write(output)
      reject(new Error(`${path.basename(command)} ${args.join(' ')} 失败（退出码 ${code}）`))
    })
  })
}

/** Builds what is stale (sources newer than the last build) and reuses the rest. */
export async function ensureBuilds(log: (line: string) => void): Promise<void> {
  const h5Stamp = path.join(h5OutDir, '.build-stamp')
  if (isFresh(h5Stamp, H5_INPUTS)) log('H5 应用：沿用已有构建 dist/h5')
  else {
    log('H5 应用：正在构建（约 30–60 秒）…')
    const started = Date.now()
    // A clean folder: old hashed chunks left behind would be served to a stale page.
    rmSync(h5OutDir, { recursive: true, force: true })
    await run(path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'])
    writeFileSync(h5Stamp, new Date().toISOString())
    log(`H5 应用：构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  }
  const cloudStamp = path.join(functionsOutDir, '.build-stamp')
  if (isFresh(cloudStamp, CLOUD_INPUTS)) log('云函数：沿用已有构建 dist/cloudfunctions')
  else {
    const built = await buildCloudFunctions()
    writeFileSync(cloudStamp, new Date().toISOString())
    log(`云函数：已构建 ${built.map((b) => b.name).join('、')}`)
  }
}
