// The measured sections. Each takes the run context and calls ctx.record(row) per measurement; a row
// is { key, name, median, min, max, unit, peakRssMb?, target?, extra? }.
import { join } from 'node:path';
import { postLoad, repeat } from './load.mjs';
import { RssWatch, startServer } from './server.mjs';
import { summarise } from './stats.mjs';

const ms = (op, value) => ({ op, value, unit: 'ms' });

export async function startupSection(ctx) {
  const times = [];
  for (let i = 0; i < ctx.opts.startups; i++) {
    const server = await startServer({
      script: join(ctx.dist, 'main.js'),
      env: { DATABASE_PATH: ctx.info.file },
    });
    times.push(server.startupMs);
    await server.stop();
  }
  ctx.record({
    key: 'startup',
    name: 'start-up: node dist/main to healthy /health',
    ...summarise(times),
    unit: 'ms',
    target: ms('<', 2000),
  });
}

export function foiWindows(referenceDate) {
  const [y, m] = referenceDate.split('-').map(Number);
  const monthStart = `${y}-${String(m).padStart(2, '0')}-01`;
  const fy = m >= 4 ? y - 1 : y - 2; // the last financial year that has ended
  return [
    { id: 'last12', label: 'last 12 months', query: `period=last-12-months&referenceDate=${referenceDate}` },
    { id: 'fy', label: `financial year ${fy}`, query: `period=financial-year&year=${fy}` },
    { id: '10y', label: 'ten years', query: `from=${y - 10}${monthStart.slice(4)}&to=${monthStart}` },
  ];
}

export async function foiSection(ctx) {
  const { server, tokens, opts } = ctx;
  const headers = { authorization: `Bearer ${tokens.foi}` };
  const windows = foiWindows(ctx.referenceDate);
  const plans = [
    { type: 'SMART_PLUG', windowId: 'last12', targets: { json: ms('<', 150), xlsx: ms('<', 300) } },
    { type: 'SMART_PLUG', windowId: 'fy', targets: {} },
    { type: 'SMART_PLUG', windowId: '10y', targets: { json: ms('<', 500) } },
    { type: 'ALL', windowId: 'last12', targets: { json: ms('<', 600) } },
    { type: 'ALL', windowId: '10y', targets: {} },
  ];
  for (const { type, windowId, targets } of plans) {
    const w = windows.find((x) => x.id === windowId);
    for (const format of ['json', 'xlsx']) {
      const path = format === 'json' ? '/api/foi/report' : '/api/foi/report.xlsx';
      const url = `${server.baseUrl}${path}?deviceType=${type}&${w.query}`;
      const watch = new RssWatch(server.pid);
      // Windows without a target get fewer runs: a ten-year report over every device takes a while.
      const runs = targets[format] ? opts.runs : Math.min(2, opts.runs);
      const r = await repeat(url, { runs, warmup: 1, headers });
      const extra = { url: url.replace(server.baseUrl, ''), bytes: r.bytes };
      if (format === 'json') extra.q1Total = JSON.parse(r.last.toString('utf8'))?.q1?.total;
      ctx.record({
        key: `foi.${format}.${type}.${windowId}`,
        name: `FOI ${format === 'json' ? 'JSON' : 'xlsx'} ${type === 'ALL' ? 'all types' : type}, ${w.label}`,
        ...r,
        samples: undefined,
        last: undefined,
        unit: 'ms',
        peakRssMb: watch.stop(),
        peakAnonMb: watch.anonMb,
        target: targets[format],
        extra,
      });
    }
  }
}

export async function readSection(ctx) {
  const { server, tokens, opts, sample } = ctx;
  const headers = { authorization: `Bearer ${tokens.officer}` };
  const pages = [
    ['list.devices.first', 'GET /api/devices?limit=50', '/api/devices?limit=50'],
    [
      'list.devices.type',
      'GET /api/devices?deviceType=SMART_PLUG&limit=50',
      '/api/devices?deviceType=SMART_PLUG&limit=50',
    ],
    ['list.devices.deep', 'GET /api/devices?limit=50&offset=10000', '/api/devices?limit=50&offset=10000'],
    ['list.cases.first', 'GET /api/cases?limit=50', '/api/cases?limit=50'],
  ];
  for (const [key, name, path] of pages) {
    const r = await repeat(server.baseUrl + path, { runs: opts.runs, warmup: 1, headers });
    ctx.record({
      key,
      name,
      ...r,
      samples: undefined,
      last: undefined,
      unit: 'ms',
      extra: { bytes: r.bytes },
    });
  }
  const byId = [];
  for (const id of sample.deviceIds) {
    const r = await repeat(`${server.baseUrl}/api/devices/${id}`, {
      runs: Math.max(2, Math.ceil(opts.runs / 2)),
      warmup: 0,
      headers,
    });
    byId.push(...r.samples);
  }
  ctx.record({
    key: 'get.device',
    name: `GET /api/devices/:id (${sample.deviceIds.length} ids)`,
    ...summarise(byId),
    unit: 'ms',
  });
}

// exhibitRef follows the convention (initials/number); tag is this run's made-up initials.
function deviceBody(caseIds, tag) {
  return (n) => ({
    caseId: caseIds[n % caseIds.length],
    exhibitRef: `${tag}/${n + 1}`,
    deviceType: 'SMART_PLUG',
    make: 'TP-Link',
    model: 'HS100',
    serialNumber: `SN-${tag}-${n}`,
    macAddress: `02:00:${[24, 16, 8, 0]
      .map((s) => ((n >>> s) & 255).toString(16).padStart(2, '0'))
      .join(':')
      .toUpperCase()}`,
    firmwareVersion: '1.5.6',
    seizedAt: '2026-01-15T10:30:00Z',
    seizedBy: 'PC 1234',
    seizureLocation: 'Kitchen worktop',
    powerStateAtSeizure: 'ON',
    photographedInSitu: true,
    networkIsolated: true,
    companionApp: 'Kasa',
  });
}

export async function postSection(ctx) {
  const { server, tokens, opts, sample } = ctx;
  // Initials for this run's exhibits: Z, two random letters, then A (the app) or B (the bare route).
  const tag = `Z${String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26))}`;
  const watch = new RssWatch(server.pid);
  const real = await postLoad({
    url: `${server.baseUrl}/api/devices`,
    headers: { authorization: `Bearer ${tokens.officer}` },
    makeBody: deviceBody(sample.caseIds, `${tag}A`),
    durationSec: opts.postSeconds,
  });
  const realRss = watch.stop();
  const realAnon = watch.anonMb;
  const realCpuMs = watch.cpuMs;

  const bare = await startServer({
    script: join(ctx.benchDir, 'bare-limit-server.mjs'),
    env: {
      DATABASE_PATH: ctx.info.file,
      DTO_MODULE: join(ctx.dist, 'devices', 'dto', 'create-device.dto.js'),
    },
  });
  let limit;
  const bareWatch = new RssWatch(bare.pid);
  try {
    limit = await postLoad({
      url: `${bare.baseUrl}/bare/devices`,
      makeBody: deviceBody(sample.caseIds, `${tag}B`),
      durationSec: opts.postSeconds,
    });
  } finally {
    bareWatch.stop();
    await bare.stop();
  }
  const ratio = limit.requestsPerSec > 0 && real.ok > 0 ? real.requestsPerSec / limit.requestsPerSec : null;
  const info = (r) => ({
    total: r.total,
    ok: r.ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    p90: r.p90,
    maxMs: r.max,
  });
  ctx.record({
    key: 'post.devices.rps',
    name: 'POST /api/devices throughput, 10 connections',
    median: real.requestsPerSec,
    min: real.perSecond.min,
    max: real.perSecond.max,
    unit: 'req/s',
    peakRssMb: realRss,
    peakAnonMb: realAnon,
    extra: { ...info(real), serverCpuMsPerRequest: realCpuMs && real.total ? realCpuMs / real.total : null },
  });
  ctx.record({
    key: 'post.devices.p50',
    name: 'POST /api/devices latency p50',
    median: real.ok ? real.p50 : null,
    unit: 'ms',
  });
  ctx.record({
    key: 'post.devices.p99',
    name: 'POST /api/devices latency p99',
    median: real.ok ? real.p99 : null,
    unit: 'ms',
    target: ms('<', 20),
  });
  ctx.record({
    key: 'post.bare.rps',
    name: 'bare limit: Fastify + class-validator + 1 insert',
    median: limit.requestsPerSec,
    min: limit.perSecond.min,
    max: limit.perSecond.max,
    unit: 'req/s',
    extra: {
      ...info(limit),
      p50: limit.p50,
      p99: limit.p99,
      serverCpuMsPerRequest: bareWatch.cpuMs && limit.total ? bareWatch.cpuMs / limit.total : null,
    },
  });
  ctx.record({
    key: 'post.ratio',
    name: 'POST /api/devices ÷ bare limit (throughput)',
    median: ratio,
    unit: 'ratio',
    target: { op: '>=', value: 0.5, unit: 'ratio' },
  });
  const appCpu = realCpuMs && real.total ? realCpuMs / real.total : null;
  const bareCpu = bareWatch.cpuMs && limit.total ? bareWatch.cpuMs / limit.total : null;
  ctx.record({
    key: 'post.cpuPerRequest',
    name: 'POST server CPU per request (app; bare in max)',
    median: appCpu,
    max: bareCpu,
    unit: 'ms',
    extra: { ratio: appCpu && bareCpu ? bareCpu / appCpu : null },
  });
  if (real.non2xx > 0 || real.errors > 0) {
    ctx.warn(`POST /api/devices: ${real.non2xx} non-2xx answers and ${real.errors} errors of ${real.total}`);
  }
  if (limit.non2xx > 0 || limit.errors > 0) {
    ctx.warn(`bare limit: ${limit.non2xx} non-2xx answers and ${limit.errors} errors of ${limit.total}`);
  }
}
