/**
 * Bundles each cloud function (a folder of cloudfunctions/ with an index.ts) into a deployable
 * folder under dist/cloudfunctions/<name>/: index.js, package.json (runtime deps), config.json.
 * Usage: npm run build:cloud [-- name ...]
 */
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const sourceRoot = path.join(root, 'cloudfunctions')
export const cloudOutRoot = path.join(root, 'dist', 'cloudfunctions')

// Installed by CloudBase from each function's package.json; never bundled.
const RUNTIME_DEPS = ['wx-server-sdk', 'mysql2']
// Only the embedded default uses better-sqlite3, and a deployed function never opens SQLite.
const NEVER_BUNDLED = ['better-sqlite3']
const WX_SERVER_SDK_VERSION = '^4.0.2'

export function functionNames(): string[] {
  return readdirSync(sourceRoot)
    .filter((name) => statSync(path.join(sourceRoot, name)).isDirectory())
    .filter((name) => existsSync(path.join(sourceRoot, name, 'index.ts')))
    .sort()
}

function runtimeDependencies(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  return { 'wx-server-sdk': WX_SERVER_SDK_VERSION, mysql2: pkg.dependencies.mysql2 ?? 'latest' }
}

export async function buildCloudFunctions(names = functionNames(), outRoot = cloudOutRoot): Promise<{ name: string; bytes: number }[]> {
  const deps = runtimeDependencies()
  const results: { name: string; bytes: number }[] = []
  for (const name of names) {
    const src = path.join(sourceRoot, name)
    const out = path.join(outRoot, name)
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    await build({
      entryPoints: [path.join(src, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      // Minified for cold starts (each bundle carries zod and Kysely); names kept so logged stacks stay readable.
      minify: true,
      keepNames: true,
      sourcemap: false,
      legalComments: 'none',
      external: [...RUNTIME_DEPS, ...NEVER_BUNDLED],
      logLevel: 'warning'
    })
    writeFileSync(
      path.join(out, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: deps }, null, 2) + '\n'
    )
    const config = path.join(src, 'config.json')
    if (existsSync(config)) copyFileSync(config, path.join(out, 'config.json'))
    else writeFileSync(path.join(out, 'config.json'), JSON.stringify({ permissions: { openapi: [] } }, null, 2) + '\n')
    results.push({ name, bytes: statSync(path.join(out, 'index.js')).size })
  }
  return results
}

if (require.main === module) {
  const names = process.argv.slice(2)
  const started = Date.now()
  buildCloudFunctions(names.length ? names : undefined).then(
    (built) => {
      for (const b of built) console.log(`  ${b.name.padEnd(12)} ${(b.bytes / 1024).toFixed(1)} KiB`)
      console.log(`built ${built.length} cloud functions into dist/cloudfunctions in ${Date.now() - started} ms`)
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    }
  )
}
