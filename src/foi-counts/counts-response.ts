import { foiFingerprint, type FingerprintInput } from '../foi-reports/foi-fingerprint.js';
import type { Count, SuppressionReason } from '../foi-reports/foi-report.types.js';
import { primaryMark, SECONDARY_MARK } from '../foi-reports/suppression.js';
import { mergeDigest, emptyDigest, toCount } from '../foi-reports/foi-sql.js';
import { countsDefinitions, COUNTS_RULES_VERSION } from './counts-definitions.js';
import type { CountsRequest } from './counts-request.js';
import { buildCrossTable, type CrossTable, innerCoords, key, type TableCell } from './cross-table.js';
import { type Dimension, type DimensionCode, dimensionNamed, MEASURE_LABELS } from './dimensions.js';
import { suppressTable } from './table-suppression.js';

// The answer of GET /api/foi/counts: one row per combination of the dimensions' codes (zeros included),
// the margins, the grand total, and meta as the report's (window, generation time, rules version,
// fingerprint, suppression and every hidden cell with its reason), with the definitions text.

export interface RawCountRow {
  /** The code of each `by` dimension (UNRECORDED for none). */
  codes: string[];
  count: number;
  /** The statement's digest columns for this group. */
  digest: Record<string, unknown>;
}

export type CountRow = Record<string, Count>;

export interface CountsMeta {
  measure: string;
  measureLabel: string;
  by: { name: string; label: string }[];
  filters: { name: string; label: string; codes: DimensionCode[] }[];
  dateBasis: string;
  deviceTypes: string[];
  deviceFamilies: string[];
  from: string;
  to: string;
  start: string;
  end: string;
  timeZone: string;
  period: string;
  generatedAt: string;
  rulesVersion: string;
  fingerprint: string;
  suppressBelow: number;
  /** Set when the grand total is from 1 to N-1: only "fewer than N" is published. */
  fewerThan: number | null;
  /** The table's body withheld whole (see the definitions). */
  withheld: boolean;
  suppressedCells: { cell: Record<string, string>; reason: SuppressionReason }[];
  definitions: { item: string; text: string }[];
}

export interface CountsResponse {
  meta: CountsMeta;
  rows: CountRow[];
  totals: { by: string[]; rows: CountRow[] }[];
  total: Count;
}

export function publishCounts(
  request: CountsRequest,
  raw: RawCountRow[],
  codesOf: (dimension: Dimension) => DimensionCode[],
  now: Date,
): CountsResponse {
  const { by, filters, foi } = request;
  const n = foi.suppressBelow;
  const lists = by.map((d) => {
    const wanted = filters.get(d.name);
    const codes = codesOf(d).filter((c) => !wanted || wanted.includes(c.code));
    // A stored code missing from the list (none expected) is shown, never dropped.
    for (const row of raw) {
      const code = row.codes[by.indexOf(d)];
      if (!codes.some((c) => c.code === code)) codes.push({ code, label: code });
    }
    return codes;
  });
  const positions = lists.map((codes) => new Map(codes.map((c, i) => [c.code, i])));
  const inner = new Map<string, number>();
  const digest = { ...emptyDigest(), relatedVersionSum: 0, relatedUpdatedAt: null as string | null };
  for (const row of raw) {
    const k = key(row.codes.map((code, i) => positions[i].get(code)!));
    inner.set(k, (inner.get(k) ?? 0) + row.count);
    mergeDigest(digest, row.digest, toCount(row.digest.records));
    digest.relatedVersionSum += toCount(row.digest.relatedVersionSum);
    const related = row.digest.relatedUpdatedAt as string | null | undefined;
    if (related && (!digest.relatedUpdatedAt || related > digest.relatedUpdatedAt)) {
      digest.relatedUpdatedAt = related;
    }
  }
  const table = buildCrossTable(
    lists.map((l) => l.length),
    inner,
  );
  const outcome = suppressTable(table, n);
  const publish = (cell: TableCell): Count =>
    outcome.fewerThan
      ? primaryMark(n)
      : cell.reason === 'primary'
        ? primaryMark(n)
        : cell.reason
          ? SECONDARY_MARK
          : cell.value;

  const describe = (cell: TableCell): CountRow => {
    const out: CountRow = {};
    cell.coords.forEach((c, i) => {
      if (c === null) return;
      out[by[i].name] = lists[i][c].code;
      out[`${by[i].name}Label`] = lists[i][c].label;
    });
    out.count = publish(cell);
    return out;
  };

  const rows = outcome.fewerThan
    ? []
    : innerCoords(table.sizes).map((coords) => describe(table.cells.get(key(coords))!));
  const totals = outcome.fewerThan
    ? []
    : marginTables(table, by).map(({ dims, cells }) => ({
        by: dims.map((i) => by[i].name),
        rows: cells.map(describe),
      }));
  const grand = table.cells.get(key(by.map(() => null)))!;
  const suppressedCells = outcome.fewerThan
    ? []
    : [...table.cells.values()]
        .filter((c) => c.reason)
        .map((c) => ({
          cell: Object.fromEntries(
            c.coords.map((x, i) => [by[i].name, x === null ? 'Total' : lists[i][x].code]),
          ),
          reason: c.reason!,
        }));

  const { window } = foi;
  const filterList = [...filters].map(([name, codes]) => {
    const dimension = byName(name);
    const known = codesOf(dimension);
    return {
      name,
      label: dimension.label,
      codes: codes.map((code) => known.find((c) => c.code === code) ?? { code, label: code }),
    };
  });
  const fingerprint = foiFingerprint({
    rulesVersion: COUNTS_RULES_VERSION,
    deviceTypes: foi.deviceTypes,
    start: window.start,
    end: window.end,
    scopeOn: window.scopeOn,
    sets: { counted: digest },
    question: {
      measure: request.measure,
      by: by.map((d) => d.name),
      filters: filterList.map((f) => [f.name, f.codes.map((c) => c.code)]),
      dateBasis: request.dateBasis,
    },
  } as FingerprintInput);
  const meta: CountsMeta = {
    measure: request.measure,
    measureLabel: MEASURE_LABELS[request.measure],
    by: by.map((d) => ({ name: d.name, label: d.label })),
    filters: filterList,
    dateBasis: request.dateBasis,
    deviceTypes: foi.deviceTypes ?? ['ALL'],
    deviceFamilies: foi.deviceFamilies,
    from: window.from,
    to: window.to,
    start: window.start,
    end: window.end,
    timeZone: window.timeZone,
    period: window.period,
    generatedAt: now.toISOString(),
    rulesVersion: COUNTS_RULES_VERSION,
    fingerprint,
    suppressBelow: n,
    fewerThan: outcome.fewerThan ? n : null,
    withheld: outcome.withheld,
    suppressedCells,
    definitions: [],
  };
  meta.definitions = countsDefinitions(request, meta);
  return { meta, rows, totals, total: outcome.fewerThan ? primaryMark(n) : publish(grand) };
}

// The margins below the inner table: every proper, non-empty subset of the dimensions, largest first
// (for three dimensions: the three two-way margins, then the three one-way ones).
function marginTables(table: CrossTable, by: Dimension[]): { dims: number[]; cells: TableCell[] }[] {
  const d = by.length;
  const subsets: number[][] = [];
  for (let mask = 1; mask < (1 << d) - 1; mask++) {
    subsets.push([...Array(d).keys()].filter((i) => mask & (1 << i)));
  }
  subsets.sort((a, b) => b.length - a.length || a.join().localeCompare(b.join()));
  return subsets.map((dims) => ({
    dims,
    cells: innerCoords(dims.map((i) => table.sizes[i])).map((sub) => {
      const coords: (number | null)[] = by.map(() => null);
      dims.forEach((dim, j) => (coords[dim] = sub[j]));
      return table.cells.get(key(coords))!;
    }),
  }));
}

// Filters were checked against the catalogue by resolveCountsRequest.
function byName(name: string): Dimension {
  const found = dimensionNamed(name);
  if (!found) throw new Error(`unknown dimension ${name}`);
  return found;
}
