#!/usr/bin/env node
// `nest build` only when the sources changed since the last build (npm run cli / npm run demo): a
// command line answers in seconds instead of waiting ~30 s for a build it does not need.
// "Changed": any file under src/ (code, views, assets) or a build setting newer than the last build
// this script made (dist/.build-stamp), or than dist/cli/main.js when `npm run build` made it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// BUILD_ROOT: another project folder (the spec runs it on a scratch copy with a stand-in nest).
const root = resolve(process.env.BUILD_ROOT ?? join(import.meta.dirname, '..'));
const STAMP = join(root, 'dist', '.build-stamp');
const OUTPUT = join(root, 'dist', 'cli', 'main.js');
const SETTINGS = ['nest-cli.json', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function lastBuild() {
  if (!existsSync(OUTPUT)) return 0;
  return existsSync(STAMP) ? statSync(STAMP).mtimeMs : statSync(OUTPUT).mtimeMs;
}

const sources = Math.max(
  newest(join(root, 'src')),
  ...SETTINGS.filter((f) => existsSync(join(root, f))).map((f) => statSync(join(root, f)).mtimeMs),
);
if (sources > lastBuild() || process.env.FORCE_BUILD === '1') {
  // The time the build started, or the newest source's if it is dated later (a clock ahead, files
  // unpacked from an archive): a file saved during the build still counts as changed next time.
  const started = Math.ceil(Math.max(Date.now(), sources)) / 1000; // seconds, rounded up to the ms
  process.stderr.write('Sources changed since the last build: building (nest build) …\n');
  execFileSync(join(root, 'node_modules', '.bin', 'nest'), ['build'], { cwd: root, stdio: 'inherit' });
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}
