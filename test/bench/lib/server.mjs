// Starts a node server as a child process on 127.0.0.1, times it to the first healthy answer,
// reads its memory from /proc, and stops it (gracefully, so a --cpu-prof profile gets written).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

const EXIT_ON_SIGNAL = fileURLToPath(new URL('./exit-on-signal.mjs', import.meta.url));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Reads a field of /proc/<pid>/status in kB (VmRSS, VmHWM); null when the process is gone. */
export function procStatusKb(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) the process has used so far, in ms; null when it is gone. */
export function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return null;
  }
}

/**
 * Peak RSS of a section: resets the kernel's high-water mark (clear_refs 5, Linux >= 4.0) when allowed,
 * and also samples VmRSS every 25 ms; the larger of the two is the section's peak.
 */
export class RssWatch {
  constructor(pid, intervalMs = 25) {
    this.pid = pid;
    let cleared = false;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      cleared = true;
    } catch {
      cleared = false;
    }
    this.cleared = cleared;
    this.sampledPeakKb = procStatusKb(pid, 'VmRSS') ?? 0;
    // RssAnon is the process's own memory (heap, SQLite cache); the rest of RSS is mapped file pages
    // (code, and the database through mmap), which belong to the OS page cache.
    this.anonPeakKb = procStatusKb(pid, 'RssAnon') ?? 0;
    this.cpuStartMs = procCpuMs(pid);
    this.timer = setInterval(() => {
      const kb = procStatusKb(pid, 'VmRSS');
      if (kb !== null && kb > this.sampledPeakKb) this.sampledPeakKb = kb;
      const anon = procStatusKb(pid, 'RssAnon');
      if (anon !== null && anon > this.anonPeakKb) this.anonPeakKb = anon;
    }, intervalMs);
    this.timer.unref();
  }

  /** Peak RSS in MB since the watch started. */
  stop() {
    clearInterval(this.timer);
    const hwm = this.cleared ? (procStatusKb(this.pid, 'VmHWM') ?? 0) : 0;
    this.anonMb = Math.round(this.anonPeakKb / 102.4) / 10;
    // CPU the server spent in the section: the fair measure on a machine shared with other work.
    const cpuNow = procCpuMs(this.pid);
    this.cpuMs = cpuNow !== null && this.cpuStartMs !== null ? cpuNow - this.cpuStartMs : null;
    return Math.round(Math.max(hwm, this.sampledPeakKb) / 102.4) / 10;
  }
}

async function healthy(url) {
  try {
    const res = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `node <script>` and waits for GET <healthPath> to answer 200. Returns the child, its base URL
 * and the start-up time in ms (spawn to first healthy answer, polled every 5 ms).
 */
export async function startServer({
  script,
  env = {},
  port,
  healthPath = '/health',
  cpuProfDir,
  timeoutMs = 120_000,
}) {
  port ??= await freePort();
  const nodeArgs = [];
  if (cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, '--import', EXIT_ON_SIGNAL);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // The app's default level: one JSON line per request, as the register is run.
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // The server's output is read (as a terminal or a log collector would) and only its tail kept.
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited)
      throw new Error(`server ${script} exited (${JSON.stringify(exited)}) before healthy:\n${output}`);
    if (await healthy(baseUrl + healthPath)) break;
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server ${script} not healthy after ${timeoutMs} ms:\n${output}`);
    }
    await sleep(5);
  }
  const startupMs = performance.now() - started;
  return {
    child,
    pid: child.pid,
    baseUrl,
    port,
    startupMs,
    output: () => output,
    rssMb: () => Math.round((procStatusKb(child.pid, 'VmRSS') ?? 0) / 102.4) / 10,
    hwmMb: () => Math.round((procStatusKb(child.pid, 'VmHWM') ?? 0) / 102.4) / 10,
    stop: () => stopChild(child, cpuProfDir ? 'SIGUSR2' : 'SIGTERM'),
  };
}

export async function stopChild(child, signal = 'SIGTERM', graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}
