// Small statistics and formatting helpers for the benchmark (plain node, no dependencies).

export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: null, min: null, max: null };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { n, median: round(median), min: round(sorted[0]), max: round(sorted[n - 1]) };
}

export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function fmt(value) {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'number') {
    if (Math.abs(value) >= 10000) return Math.round(value).toLocaleString('en-GB');
    return String(round(value, value < 10 ? 2 : 1));
  }
  return String(value);
}

// A target is { op: '<' | '>=', value, unit }; returns true/false, or null when nothing was measured.
export function meets(target, value) {
  if (!target || value === null || value === undefined) return null;
  return target.op === '<' ? value < target.value : value >= target.value;
}

export function targetText(target) {
  return target ? `${target.op} ${fmt(target.value)}` : '';
}

export function renderTable(rows) {
  const header = [
    'measurement',
    'median',
    'min',
    'max',
    'unit',
    'peak RSS MB',
    'of it anon MB',
    'target',
    'met',
  ];
  const body = rows.map((r) => [
    r.name,
    fmt(r.median),
    fmt(r.min),
    fmt(r.max),
    r.unit ?? '',
    fmt(r.peakRssMb),
    fmt(r.peakAnonMb),
    targetText(r.target),
    r.met === null || r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const rule =
    '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(header), rule, ...body.map(line)].join('\n');
}
