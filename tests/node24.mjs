#!/usr/bin/env node
/**
 * Runs a command under Node 24 LTS. vitest 5 needs Node >= 22, and Debian still ships Node 20:
 * where the Node running this is older than 22, a real Node 24 binary is fetched once from the
 * npm registry (package node-<platform>-<arch>, into .node/) and put first on PATH for the
 * command, so `npm test` works on such a machine with no step of its own. Plain JavaScript, so
 * that Node 20 can run it.
 *
 *   node tests/node24.mjs npm run test:all
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tests/node24.mjs <command> [args…]');
  process.exit(2);
}

const windows = process.platform === 'win32';
let env = process.env;
if (Number(process.versions.node.split('.')[0]) < 22) {
  const platform = windows ? 'win' : process.platform;
  const pkg = `node-${platform}-${process.arch}`;
  const prefix = path.join(root, '.node');
  const bin = windows ? path.join(prefix, 'node_modules', pkg) : path.join(prefix, 'node_modules', pkg, 'bin');
  if (!existsSync(path.join(bin, windows ? 'node.exe' : 'node'))) {
    console.log(`Node ${process.versions.node} is too old for the test tools; fetching Node 24 (${pkg}) from the npm registry into .node/`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--silent', '--prefix', prefix, `${pkg}@24`], {
      stdio: 'inherit',
      shell: windows,
    });
  }
  env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: windows });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
