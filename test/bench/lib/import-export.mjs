// Import of a generated workbook (POST /api/imports/devices) and export of every device
// (GET /api/devices.xlsx): rows per second and the server's peak RSS while it works.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { request } from 'undici';
import { timed } from './load.mjs';
import { RssWatch } from './server.mjs';

const HEADINGS = [
  'Case reference',
  'Case kind',
  'Offence sub-group',
  'Exhibit reference',
  'Device type',
  'Make',
  'Model',
  'MAC address',
  'Seized at',
  'Seized by',
  'Seizure location',
  'Network isolated',
];
const TYPES = ['SMART_PLUG', 'SMART_SPEAKER', 'IP_CAMERA', 'SMART_BULB', 'ROUTER', 'VIDEO_DOORBELL'];

/** A workbook of `rows` new devices, three per new case, written once per size (streaming writer). */
export async function importWorkbook(out, rows) {
  const file = join(out, `import-${rows}.xlsx`);
  if (existsSync(file)) return file;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = workbook.addWorksheet('Devices');
  sheet.addRow(HEADINGS).commit();
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(i / 3);
    const mac = [2, 0, (i >>> 16) & 255, (i >>> 8) & 255, i & 255, 7];
    const row = sheet.addRow([
      `BENCH/IMP/${c}`,
      'CRIME',
      'DRUG_TRAFFICKING',
      `IMP/${(i % 3) + 1}`,
      TYPES[i % TYPES.length],
      'Generic',
      `M${i % 50}`,
      mac.map((b) => b.toString(16).padStart(2, '0')).join(':'),
      new Date(start + (i % 300) * 86_400_000 + 36_000_000),
      `PC ${1000 + (i % 200)}`,
      'Bench street',
      i % 2 === 0 ? 'Yes' : 'No',
    ]);
    row.getCell(9).numFmt = 'dd/mm/yyyy hh:mm';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return file;
}

export async function importExportSection(ctx, which) {
  return which === 'export' ? exportDevices(ctx) : importDevices(ctx);
}

async function importDevices(ctx) {
  const { server, tokens, opts, out } = ctx;
  const rows = opts.importRows;
  const file = await importWorkbook(out, rows);
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), 'bench-import.xlsx');
  const watch = new RssWatch(server.pid);
  const r = await timed(`${server.baseUrl}/api/imports/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.officer}` },
    body: form,
  });
  const peak = watch.stop();
  if (r.status === 404) return ctx.warn('import: POST /api/imports/devices answered 404 (not landed)');
  const answer = r.buffer.toString('utf8');
  if (r.status >= 300) throw new Error(`import answered ${r.status}: ${answer.slice(0, 400)}`);
  const result = JSON.parse(answer);
  if (result.devicesCreated !== rows) ctx.warn(`import created ${result.devicesCreated} of ${rows} devices`);
  ctx.record({
    key: 'import.devices.xlsx',
    name: `import ${rows.toLocaleString('en-GB')}-row workbook`,
    median: rows / (r.ms / 1000),
    unit: 'rows/s',
    peakRssMb: peak,
    peakAnonMb: watch.anonMb,
    target: { op: '>=', value: 20_000, unit: 'rows/s' },
    extra: {
      ms: Math.round(r.ms),
      serverCpuMs: watch.cpuMs,
      // CPU per row is the fairer figure on a shared machine: wall time waits for other work's cores.
      serverCpuMsPerRow: watch.cpuMs == null ? null : Math.round((watch.cpuMs / rows) * 1000) / 1000,
      casesCreated: result.casesCreated,
      devicesCreated: result.devicesCreated,
    },
  });
}

const EXPORT_LIMIT_MS = 480_000;

/**
 * GET of a streamed file, read as it comes and not kept (the client holds nothing either): time to
 * the response headers, to the first body bytes, and to the end.
 */
async function streamedGet(url, headers, timeoutMs) {
  const started = performance.now();
  const res = await request(url, { headers, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const headersMs = performance.now() - started;
  let firstByteMs = null;
  let bytes = 0;
  let head = '';
  for await (const chunk of res.body) {
    firstByteMs ??= performance.now() - started;
    bytes += chunk.length;
    if (head.length < 2000) head += chunk.toString('utf8');
  }
  return { ms: performance.now() - started, headersMs, firstByteMs, bytes, status: res.statusCode, head };
}

async function exportDevices(ctx) {
  const { server, tokens, info } = ctx;
  const url = `${server.baseUrl}/api/devices.xlsx`;
  const headers = { authorization: `Bearer ${tokens.admin}` };
  const db = new Database(info.file, { readonly: true });
  // The export holds the devices the list shows: voided ones are left out.
  const rows = db.prepare('SELECT COUNT(*) FROM devices WHERE voidedAt IS NULL').pluck().get();
  db.close();
  const name = `export ${rows.toLocaleString('en-GB')} devices to xlsx`;
  const target = { op: '>=', value: 50_000, unit: 'rows/s' };
  const watch = new RssWatch(server.pid);
  let r;
  try {
    // Bounded: an export that has not finished in 8 minutes is reported as an upper bound.
    r = await streamedGet(url, headers, EXPORT_LIMIT_MS);
  } catch (error) {
    const peak = watch.stop();
    const limitSec = EXPORT_LIMIT_MS / 1000;
    ctx.warn(`export did not finish in ${limitSec} s (${String(error?.message ?? error)})`);
    ctx.record({
      key: 'export.devices.xlsx',
      name: `${name} (not finished in ${limitSec} s)`,
      median: null,
      max: rows / limitSec,
      unit: 'rows/s',
      peakRssMb: peak,
      peakAnonMb: watch.anonMb,
      target,
      extra: { didNotFinishWithinSec: limitSec, atMostRowsPerSec: rows / limitSec },
    });
    return;
  }
  const peak = watch.stop();
  if (r.status === 404) return ctx.warn('export: GET /api/devices.xlsx answered 404 (endpoint not landed)');
  if (r.status >= 300) throw new Error(`export answered ${r.status}: ${r.head.slice(0, 300)}`);
  ctx.record({
    key: 'export.devices.xlsx',
    name,
    median: rows / (r.ms / 1000),
    unit: 'rows/s',
    peakRssMb: peak,
    peakAnonMb: watch.anonMb,
    target,
    extra: {
      ms: Math.round(r.ms),
      headersMs: Math.round(r.headersMs),
      firstByteMs: r.firstByteMs === null ? null : Math.round(r.firstByteMs),
      bytes: r.bytes,
      serverCpuMs: watch.cpuMs,
      serverCpuUsPerRow: watch.cpuMs === null ? null : Math.round((watch.cpuMs * 10_000) / rows) / 10,
      rssTargetMb: 300,
      rssMet: peak < 300,
      anonRssMet: watch.anonMb < 300,
    },
  });
}
