// GET /api/foi/counts (src/foi-counts): the targets at 1,000,000 devices are a 12-month count by
// two dimensions in < 300 ms and ten years by three dimensions in < 1.5 s. Suppression is on (5), so the
// time includes the whole-table suppression and its audit.
import { repeat } from './load.mjs';
import { RssWatch } from './server.mjs';

const ms = (op, value) => ({ op, value, unit: 'ms' });

export async function countsSection(ctx, windows) {
  const { server, tokens, opts } = ctx;
  const headers = { authorization: `Bearer ${tokens.foi}` };
  const w = (id) => windows.find((x) => x.id === id);
  const plans = [
    {
      key: 'last12.2d',
      label: 'devices by offence group and month, last 12 months',
      window: 'last12',
      query: 'by=offenceGroup,month',
      target: ms('<', 300),
    },
    {
      key: 'last12.2d.xlsx',
      label: 'the same as a workbook',
      window: 'last12',
      query: 'by=offenceGroup,month',
      xlsx: true,
    },
    {
      key: '10y.3d',
      label: 'devices by device type, offence group and calendar year, ten years',
      window: '10y',
      query: 'by=deviceType,offenceGroup,calendarYear',
      target: ms('<', 1500),
    },
    {
      key: '10y.cases',
      label: 'distinct cases by policing area and progression, ten years',
      window: '10y',
      query: 'measure=cases&by=policingArea,progressedToCourt',
    },
    {
      key: 'last12.exams',
      label: 'examinations requested by age band and offence group, last 12 months',
      window: 'last12',
      query: 'measure=examinations&dateBasis=requestedAt&by=ageBand,offenceGroup',
    },
  ];
  for (const plan of plans) {
    const path = plan.xlsx ? '/api/foi/counts.xlsx' : '/api/foi/counts';
    const url = `${server.baseUrl}${path}?suppressBelow=5&${plan.query}&${w(plan.window).query}`;
    const watch = new RssWatch(server.pid);
    const r = await repeat(url, {
      runs: plan.target ? opts.runs : Math.min(2, opts.runs),
      warmup: 1,
      headers,
    });
    const extra = { url: url.replace(server.baseUrl, ''), bytes: r.bytes };
    if (!plan.xlsx) {
      const body = JSON.parse(r.last.toString('utf8'));
      extra.total = body.total;
      extra.cells = body.rows?.length;
      extra.hidden = body.meta?.suppressedCells?.length;
      extra.withheld = body.meta?.withheld;
    }
    ctx.record({
      key: `counts.${plan.key}`,
      name: `counts: ${plan.label}`,
      ...r,
      samples: undefined,
      last: undefined,
      unit: 'ms',
      peakRssMb: watch.stop(),
      peakAnonMb: watch.anonMb,
      target: plan.target,
      extra,
    });
  }
}
