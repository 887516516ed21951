/**
 * `npm run size`: builds the weapp (production) and prints the main package size against the budget.
 * WeChat limits a main package to 2 MB; our budget is 1.5 MB. Subpackages are counted separately.
 * Flags: --no-build to measure dist/weapp as it is.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const weappDir = path.join(root, 'dist', 'weapp')
const BUDGET_BYTES = 1.5 * 1024 * 1024
const PLATFORM_LIMIT_BYTES = 2 * 1024 * 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`

if (!process.argv.includes('--no-build')) {
  const started = Date.now()
  try {
    // Quiet unless it fails: Taro's progress bar would bury the figures.
    execFileSync(path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: root,
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' }
    })
  } catch (e) {
    const failed = e as { stdout?: Buffer; stderr?: Buffer }
    process.stderr.write(failed.stdout?.toString() ?? '')
    process.stderr.write(failed.stderr?.toString() ?? '')
    console.error('weapp build failed')
    process.exit(1)
  }
  console.log(`weapp build: ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
if (!existsSync(path.join(weappDir, 'app.json'))) {
  console.error('dist/weapp/app.json is missing: run npm run build:weapp first')
  process.exit(2)
}

const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
  subPackages?: Array<{ root: string }>
  subpackages?: Array<{ root: string }>
}
const subRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => path.join(weappDir, s.root))
const sizes = { main: 0, sub: new Map<string, number>() }
const biggest: Array<[string, number]> = []
for (const file of filesUnder(weappDir)) {
  if (file.endsWith('.map') || path.basename(file).startsWith('.')) continue
  const bytes = statSync(file).size
  const sub = subRoots.find((r) => file.startsWith(r + path.sep))
  if (sub) sizes.sub.set(sub, (sizes.sub.get(sub) ?? 0) + bytes)
  else {
    sizes.main += bytes
    biggest.push([path.relative(weappDir, file), bytes])
  }
}
biggest.sort((a, b) => b[1] - a[1])
console.log(`weapp main package: ${kib(sizes.main)} (budget ${kib(BUDGET_BYTES)}, platform limit ${kib(PLATFORM_LIMIT_BYTES)})`)
for (const [file, bytes] of biggest.slice(0, 6)) console.log(`  ${kib(bytes).padStart(10)}  ${file}`)
for (const [sub, bytes] of sizes.sub) console.log(`subpackage ${path.relative(weappDir, sub)}: ${kib(bytes)}`)
if (sizes.main > BUDGET_BYTES) {
  console.error('main package is over budget')
  process.exit(1)
}
