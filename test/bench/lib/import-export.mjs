// Import of a generated workbook (POST /api/imports/devices) and export of every device
// (GET /api/devices.xlsx): rows per second and the server's peak RSS while it works.
import { timed } from './load.mjs';
import { RssWatch } from './server.mjs';

export async function importExportSection(ctx, which) {
  if (which === 'export') return exportDevices(ctx);
  return ctx.warn('import: POST /api/imports/devices is not measured yet (endpoint not landed)');
}

async function exportDevices(ctx) {
  const { server, tokens, info } = ctx;
  const url = `${server.baseUrl}/api/devices.xlsx`;
  const headers = { authorization: `Bearer ${tokens.admin}` };
  const watch = new RssWatch(server.pid);
  const r = await timed(url, { headers });
  const peak = watch.stop();
  if (r.status === 404) return ctx.warn('export: GET /api/devices.xlsx answered 404 (endpoint not landed)');
  if (r.status >= 300)
    throw new Error(`export answered ${r.status}: ${r.buffer.toString('utf8').slice(0, 300)}`);
  const rows = info.devices;
  ctx.record({
    key: 'export.devices.xlsx',
    name: `export ${rows.toLocaleString('en-GB')} devices to xlsx`,
    median: rows / (r.ms / 1000),
    unit: 'rows/s',
    peakRssMb: peak,
    target: { op: '>=', value: 50_000, unit: 'rows/s' },
    extra: { ms: Math.round(r.ms), bytes: r.bytes, rssTargetMb: 300, rssMet: peak < 300 },
  });
}
