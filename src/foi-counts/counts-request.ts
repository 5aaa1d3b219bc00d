import { type FieldError, ValidationFailedError } from '../common/errors.js';
import type { FoiRequest, FoiRequestInput } from '../foi-reports/foi-request.js';
import type { ReportWindow } from '../foi-reports/report-window.js';
import {
  canFilter,
  canSplit,
  type Dimension,
  type DimensionCode,
  dimensionNamed,
  MEASURES,
  type Measure,
} from './dimensions.js';
import { MAX_DIMENSIONS } from './cross-table.js';

// What GET /api/foi/counts (and foi:counts) is asked, checked: every bad parameter named at once (400),
// never a 500. The window, device types and threshold are the FOI report's own (resolveFoiRequest).

export const DATE_BASES = ['requestedAt', 'startedAt', 'completedAt'] as const;
export type DateBasis = 'seizedAt' | (typeof DATE_BASES)[number];

export interface CountsRequest {
  measure: Measure;
  by: Dimension[];
  /** Dimension name → the codes asked for (UNRECORDED included where asked). */
  filters: Map<string, string[]>;
  /** The instant the window applies to: seizedAt for devices and cases. */
  dateBasis: DateBasis;
  foi: FoiRequest;
}

const WINDOW_KEYS = ['from', 'to', 'period', 'year', 'referenceDate'] as const;
const KNOWN_KEYS = new Set<string>([
  'measure',
  'by',
  'dateBasis',
  'deviceType',
  'deviceFamily',
  'suppressBelow',
  'filter',
  ...WINDOW_KEYS,
]);
/** Inner cells a table may have (codes of the dimensions multiplied). */
export const MAX_CELLS = 5000;

export interface CountsResolver {
  /** The FOI report's resolution of window, device types and threshold (throws a 400). */
  foi(input: FoiRequestInput): FoiRequest;
  /** The codes of a dimension for this window, in order, UNRECORDED last where it applies. */
  codes(dimension: Dimension, window: ReportWindow): DimensionCode[];
}

export function resolveCountsRequest(
  query: Record<string, unknown>,
  resolver: CountsResolver,
): CountsRequest {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const { plain, filters: rawFilters } = splitQuery(query, fail);

  const measureText = single(plain.measure, 'measure', fail) ?? 'devices';
  const measure = (MEASURES as readonly string[]).includes(measureText)
    ? (measureText as Measure)
    : undefined;
  if (!measure) fail('measure', `measure must be one of ${MEASURES.join(', ')}`);

  const dateBasis = resolveDateBasis(single(plain.dateBasis, 'dateBasis', fail), measure, fail);
  const by = resolveBy(plain.by, measure, fail);

  let foi: FoiRequest | undefined;
  try {
    foi = resolver.foi({
      // Any count covers every device type unless one is asked for (a dimension and filter too).
      deviceType:
        (plain.deviceType as string | string[] | undefined) ?? (plain.deviceFamily ? undefined : 'ALL'),
      ...(plain.deviceFamily !== undefined ? { deviceFamily: plain.deviceFamily } : {}),
      ...Object.fromEntries(WINDOW_KEYS.map((k) => [k, single(plain[k], k, fail)])),
      suppressBelow: single(plain.suppressBelow, 'suppressBelow', fail),
    } as FoiRequestInput);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    errors.push(...error.errors);
  }

  const filters = new Map<string, string[]>();
  for (const [name, values] of rawFilters) {
    const field = `filter[${name}]`;
    const dimension = dimensionNamed(name);
    if (!dimension) {
      fail(field, notPublished(name));
      continue;
    }
    if (measure && !canFilter(dimension, measure)) {
      fail(field, `${name} applies to examinations only`);
      continue;
    }
    if (!foi) continue;
    const known = new Set(resolver.codes(dimension, foi.window).map((c) => c.code));
    const unknown = values.filter((v) => !known.has(v));
    if (unknown.length > 0) {
      fail(
        field,
        `unknown code ${unknown.map((v) => JSON.stringify(v)).join(', ')} for ${name} (see /api/foi/dimensions)`,
      );
      continue;
    }
    filters.set(name, [...new Set(values)]);
  }

  if (foi && by && errors.length === 0) {
    const cells = by.reduce(
      (n, d) => n * (filters.get(d.name)?.length ?? resolver.codes(d, foi.window).length),
      1,
    );
    if (cells > MAX_CELLS) {
      fail(
        'by',
        `the table would have ${cells} cells (at most ${MAX_CELLS}): filter, use fewer dimensions or a shorter window`,
      );
    }
  }
  if (errors.length > 0 || !measure || !by || !foi || !dateBasis) {
    throw new ValidationFailedError(
      errors,
      `Invalid count parameters: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  }
  return { measure, by, filters, dateBasis, foi };
}

function notPublished(name: string): string {
  return (
    `${JSON.stringify(name)} is not a published dimension; record-level fields (references, exhibit numbers, ` +
    'names, locations, identifiers, methods, tools) never are. See /api/foi/dimensions'
  );
}

// Flat keys as Fastify parses them (`filter[offenceGroup]=DRUG`, repeatable or comma-separated), or an
// object if a parser nests them; anything else is refused by name.
function splitQuery(
  query: Record<string, unknown>,
  fail: (field: string, message: string) => void,
): { plain: Record<string, unknown>; filters: Map<string, string[]> } {
  const plain: Record<string, unknown> = {};
  const filters = new Map<string, string[]>();
  const addFilter = (name: string, value: unknown) => {
    const values = listOf(value);
    if (values === undefined) return fail(`filter[${name}]`, 'give codes as text');
    filters.set(name, [...(filters.get(name) ?? []), ...values]);
  };
  for (const [k, value] of Object.entries(query)) {
    const match = /^filter\[([^\]]*)\]$/.exec(k);
    if (match) addFilter(match[1], value);
    else if (k === 'filter' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, v] of Object.entries(value)) addFilter(name, v);
    } else if (k === 'filter' || !KNOWN_KEYS.has(k)) {
      fail(k, `unknown parameter ${JSON.stringify(k)}; filters are given as filter[<dimension>]=<code>`);
    } else plain[k] = value;
  }
  for (const [name, values] of filters) {
    if (values.length === 0) fail(`filter[${name}]`, 'give at least one code');
  }
  return { plain, filters };
}

function listOf(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((v) => typeof v === 'string')) return undefined;
  return (items as string[])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function single(
  value: unknown,
  field: string,
  fail: (field: string, message: string) => void,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    fail(field, `give ${field} once`);
    return undefined;
  }
  return value;
}

function resolveDateBasis(
  value: string | undefined,
  measure: Measure | undefined,
  fail: (field: string, message: string) => void,
): DateBasis | undefined {
  if (measure !== 'examinations') {
    if (value !== undefined && value !== 'seizedAt') {
      fail(
        'dateBasis',
        'devices and cases are counted by the seizure date (seizedAt); dateBasis is for examinations',
      );
      return undefined;
    }
    return 'seizedAt';
  }
  if (value === undefined) return 'startedAt';
  if (!(DATE_BASES as readonly string[]).includes(value)) {
    fail('dateBasis', `dateBasis must be one of ${DATE_BASES.join(', ')}`);
    return undefined;
  }
  return value as DateBasis;
}

function resolveBy(
  value: unknown,
  measure: Measure | undefined,
  fail: (field: string, message: string) => void,
): Dimension[] | undefined {
  if (value === undefined) return [];
  const names = listOf(value);
  if (!names) {
    fail('by', 'give dimension names, comma-separated');
    return undefined;
  }
  if (names.length > MAX_DIMENSIONS) {
    fail('by', `at most ${MAX_DIMENSIONS} dimensions`);
    return undefined;
  }
  if (new Set(names).size !== names.length) {
    fail('by', 'a dimension may be given once');
    return undefined;
  }
  const out: Dimension[] = [];
  for (const name of names) {
    const dimension = dimensionNamed(name);
    if (!dimension) fail('by', notPublished(name));
    else if (measure && !canSplit(dimension, measure)) {
      fail(
        'by',
        measure === 'cases'
          ? `cases are split only by case-level dimensions (a case's devices may differ in ${name}); filter by it instead`
          : `${name} splits examinations only`,
      );
    } else out.push(dimension);
  }
  return out.length === names.length ? out : undefined;
}
