import { suppressionRule } from '../foi-reports/foi-definitions.js';
import { primaryMark, SECONDARY_MARK } from '../foi-reports/suppression.js';
import type { CountsRequest } from './counts-request.js';
import type { CountsMeta } from './counts-response.js';
import { dimensionNamed, UNRECORDED_LABEL } from './dimensions.js';

// The definitions printed with a count, generated from the question asked: what was counted, on which
// date, split and filtered how, and the suppression rule. Change COUNTS_RULES_VERSION when a rule changes.
export const COUNTS_RULES_VERSION = 'foi-counts/1';

const DATE_WORDS: Record<string, string> = {
  seizedAt: 'the time the device was seized',
  requestedAt: 'the time the examination was requested',
  startedAt: 'the time the examination started',
  completedAt: 'the time the examination was completed',
};

export function countsDefinitions(
  request: CountsRequest,
  meta: CountsMeta,
): { item: string; text: string }[] {
  const types = meta.deviceTypes.includes('ALL')
    ? 'every device type'
    : `device types ${meta.deviceTypes.join(', ')}`;
  const families =
    meta.deviceFamilies.length > 0 ? ` (device families ${meta.deviceFamilies.join(', ')})` : '';
  const what: Record<string, string> = {
    devices: `Devices of ${types}${families}, not voided, whose case is not voided.`,
    cases:
      `Distinct cases of the devices counted (devices of ${types}${families}, not voided, whose case is ` +
      'not voided): a case with several such devices counts once.',
    examinations: `Examinations of devices of ${types}${families}, none of examination, device or case voided.`,
  };
  const items: { item: string; text: string }[] = [
    { item: 'Counted', text: `${meta.measureLabel}: ${what[meta.measure]}` },
    {
      item: 'Date',
      text:
        `Each record is placed in the window by ${DATE_WORDS[meta.dateBasis]} (${meta.dateBasis}), read as a ` +
        `local date in ${meta.timeZone}: from ${meta.from} (inclusive) to ${meta.to} (exclusive).`,
    },
    {
      item: 'Split by',
      text:
        meta.by.length === 0
          ? 'Not split: the grand total only.'
          : meta.by.map((d) => d.label).join(', then '),
    },
    {
      item: 'Filters',
      text:
        meta.filters.length === 0
          ? 'None.'
          : meta.filters
              .map((f) => `${f.label}: ${f.codes.map((c) => `${c.label} (${c.code})`).join(' or ')}`)
              .join('; '),
    },
  ];
  // What each dimension used means, once.
  for (const name of new Set([...request.by.map((d) => d.name), ...request.filters.keys()])) {
    const dimension = dimensionNamed(name);
    if (dimension) items.push({ item: dimension.label, text: dimension.description });
  }
  items.push({
    item: 'Zeros and gaps',
    text:
      'Every combination of the codes the filters allow is shown, 0 where nothing was counted. Records ' +
      `without a value are counted under "${UNRECORDED_LABEL}" (UNRECORDED), never dropped.`,
  });
  const n = meta.suppressBelow;
  let suppression = suppressionRule(n);
  if (n > 1) {
    suppression +=
      ' Across the whole table: no hidden count can be worked out from any row, column or total, or from ' +
      'several of them together.';
    if (meta.fewerThan !== null) {
      suppression += ` The grand total is from 1 to ${n - 1}, so only "${primaryMark(n)}" (fewer than ${n}) is given.`;
    }
    if (meta.withheld) {
      suppression +=
        ` No partial suppression protected every small count, so every cell but the grand total is withheld ` +
        `as "${SECONDARY_MARK}" (zeros too).`;
    }
  }
  items.push({ item: 'Small numbers', text: suppression });
  items.push({
    item: 'Fingerprint',
    text: `${meta.fingerprint}: the same question on the same data gives the same fingerprint (rules ${meta.rulesVersion}).`,
  });
  return items;
}
