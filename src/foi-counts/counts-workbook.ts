import { DateTime } from 'luxon';
import type { SheetSpec, SheetTable, SheetValue } from '../foi-reports/foi-workbook-sheets.js';
import type { CountRow, CountsResponse } from './counts-response.js';

// The count as a workbook, laid out by the FOI report's buildWorkbook: the table (labels, then codes),
// the margins, and the definitions generated from the question.

export function countsPreamble(counts: CountsResponse): string[] {
  const { meta } = counts;
  const last = DateTime.fromISO(meta.to, { zone: 'UTC' }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
  return [
    `Window (${meta.period}): from ${meta.from} (inclusive) to ${meta.to} (exclusive), local dates in ` +
      `${meta.timeZone}; that is ${meta.from} to ${last} inclusive`,
    `Counted: ${meta.measureLabel}; device types: ${meta.deviceTypes.join(', ')}`,
    `Generated at: ${meta.generatedAt}`,
  ];
}

export function countsSheets(counts: CountsResponse): SheetSpec[] {
  const { meta } = counts;
  const dims = meta.by;
  const table = (by: { name: string; label: string }[], rows: CountRow[]): SheetTable => ({
    headers: [...by.map((d) => d.label), ...by.map((d) => `${d.label} code`), meta.measureLabel],
    rows: rows.map((r) => [
      ...by.map((d) => r[`${d.name}Label`] as SheetValue),
      ...by.map((d) => r[d.name] as SheetValue),
      r.count as SheetValue,
    ]),
  });
  const notes =
    meta.fewerThan !== null
      ? [`Fewer than ${meta.fewerThan}: no further breakdown is given.`]
      : meta.suppressBelow > 1
        ? [meta.definitions.find((d) => d.item === 'Small numbers')!.text]
        : [];
  const tables: SheetTable[] = [];
  if (counts.rows.length > 0) tables.push(table(dims, counts.rows));
  for (const margin of counts.totals) {
    tables.push(
      table(
        dims.filter((d) => margin.by.includes(d.name)),
        margin.rows,
      ),
    );
  }
  tables.push({ headers: ['Total', meta.measureLabel], rows: [['Grand total', counts.total]] });
  return [
    {
      name: 'Count',
      title: `${meta.measureLabel}${dims.length > 0 ? ` by ${dims.map((d) => d.label.toLowerCase()).join(' and ')}` : ''}`,
      notes,
      tables,
    },
    {
      name: 'Definitions',
      title: 'Definitions',
      notes: [],
      tables: [
        { headers: ['Item', 'Definition'], rows: meta.definitions.map((d) => [d.item, d.text]) },
        {
          headers: ['Suppressed cell', 'Reason'],
          rows: meta.suppressedCells.map((c) => [
            Object.entries(c.cell)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ') || 'Grand total',
            c.reason,
          ]),
        },
      ],
    },
  ];
}

// e.g. foi-counts-devices-by-offenceGroup+quarter-2025-01-01-to-2025-12-31.xlsx
export function countsWorkbookFileName(counts: CountsResponse): string {
  const { meta } = counts;
  const last = DateTime.fromISO(meta.to, { zone: 'UTC' }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
  const by = meta.by.length > 0 ? `-by-${meta.by.map((d) => d.name).join('+')}` : '';
  return (
    `foi-counts-${meta.measure}${by}-${meta.from}-to-${last}`.replace(/[^A-Za-z0-9_+.-]/g, '_') + '.xlsx'
  );
}
