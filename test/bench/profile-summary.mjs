// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by function and by package,
// so a missed target can be explained by what the server spent its time on.
//   node test/bench/profile-summary.mjs <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  process.stderr.write('usage: node test/bench/profile-summary.mjs <file.cpuprofile> [--top N]\n');
  process.exit(2);
}
const top = Number(values.top);

function where(url) {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `app ${url.slice(dist + 6).split('/')[0]}` : url;
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const pkg =
      name === '(idle)' || name === '(program)' || name === '(garbage collector)'
        ? name
        : where(callFrame.url);
    const key = `${name}  ${pkg}${callFrame.url && !callFrame.url.includes('node_modules') ? `:${callFrame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const show = (title, map) => {
    process.stdout.write(`\n${title}\n`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(
        `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}\n`,
      );
    }
  };
  process.stdout.write(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n`);
  // Inclusive time of the app's own functions (dist/): where, in the app's code, the time goes.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = byId.get(at);
      const dist = callFrame.url.indexOf('/dist/');
      if (dist < 0 || callFrame.url.includes('node_modules')) continue;
      const key = `${callFrame.functionName || '(anonymous)'}  ${callFrame.url.slice(dist + 6)}:${callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  show('self time by package', byPackage);
  show('self time by function', byFunction);
  show('inclusive time of app functions', inclusive);
}
