import { readFileSync } from 'node:fs';

// The vocabularies served at /api/reference/{list}; codes are kept as drafted in shared/reference.
export const REFERENCE_LISTS = [
  'device-types',
  'device-families',
  'offence-groups',
  'offence-subgroups',
  'home-office-offences',
  'incident-chapters',
  'incident-categories',
  'police-outcomes',
  'court-stages',
  'court-results',
  'custody-statuses',
  'custody-purposes',
  'evidential-uses',
  'accreditation-statuses',
  'scope-statuses',
  'scope-types',
  'code-compliance',
  'forensic-science-activities',
  'policing-areas',
] as const;

export type ReferenceListName = (typeof REFERENCE_LISTS)[number];

export interface ReferenceRow {
  list: ReferenceListName;
  code: string;
  label: string;
  parentCode: string | null;
  sortOrder: number;
  attributes: string | null;
}

type Json = Record<string, any>;

const REFERENCE_DIR = new URL('../../data/reference/', import.meta.url);

function readJson(file: string): Json {
  return JSON.parse(readFileSync(new URL(file, REFERENCE_DIR), 'utf8')) as Json;
}

function pick(item: Json, keys: string[]): string | null {
  const kept = Object.fromEntries(keys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
  return Object.keys(kept).length > 0 ? JSON.stringify(kept) : null;
}

function rows(
  list: ReferenceListName,
  items: Json[],
  map: (item: Json) => Partial<ReferenceRow>,
): ReferenceRow[] {
  return items.map((item, index) => ({
    list,
    code: String(item.code),
    label: String(item.label ?? item.name),
    parentCode: null,
    sortOrder: index,
    attributes: null,
    ...map(item),
  }));
}

// Flattens data/reference/*.json into rows; groups keep their children through parentCode.
export function loadReferenceRows(): ReferenceRow[] {
  const devices = readJson('device-types.json');
  const offences = readJson('offence-groups.json');
  const incidents = readJson('incident-categories.json');
  const crime = readJson('crime-outcomes.json');
  const court = readJson('court-outcomes.json');
  const exhibits = readJson('exhibit-statuses.json');
  const accreditation = readJson('accreditation-statuses.json');
  const policingAreas = readJson('policing-areas.json');

  const subgroups = offences.groups.flatMap((g: Json) =>
    g.subgroups.map((s: Json) => ({ ...s, group: g.code })),
  );
  const hoOffences = subgroups.flatMap((s: Json) =>
    s.offences.map((o: Json) => ({ ...o, code: o.hoCode, subgroup: s.code })),
  );
  const categories = incidents.chapters.flatMap((c: Json) =>
    c.categories.map((x: Json) => ({ ...x, chapter: c.code })),
  );
  return [
    ...rows('device-types', devices.deviceTypes, (d) => ({ attributes: pick(d, ['category', 'family']) })),
    ...rows('device-families', devices.deviceFamilies, (f) => ({ attributes: pick(f, ['plural']) })),
    ...rows('offence-groups', offences.groups, () => ({})),
    ...rows('offence-subgroups', subgroups, (s) => ({ parentCode: s.group })),
    ...rows('home-office-offences', hoOffences, (o) => ({
      parentCode: o.subgroup,
      attributes: pick(o, ['status']),
    })),
    ...rows('incident-chapters', incidents.chapters, () => ({})),
    ...rows('incident-categories', categories, (c) => ({ parentCode: c.chapter })),
    ...rows('police-outcomes', crime.outcomes, (o) => ({
      parentCode: o.outcomeGroup,
      attributes: pick(o, ['category', 'progressesToCourt', 'isPositiveOutcome']),
    })),
    ...rows('court-stages', court.stages, (s) => ({ attributes: pick(s, ['order']) })),
    ...rows('court-results', court.results, (r) => ({ attributes: pick(r, ['category', 'subCategory']) })),
    ...rows('custody-statuses', exhibits.statuses, (s) => ({ attributes: pick(s, ['phase', 'isTerminal']) })),
    ...rows('custody-purposes', exhibits.custodyPurposes, (p) => ({ attributes: pick(p, ['recordedByLab']) })),
    ...rows('evidential-uses', court.evidentialUseOfExhibit, () => ({})),
    ...rows('accreditation-statuses', accreditation.organisationStatuses, (s) => ({
      attributes: pick(s, ['canClaimAccredited', 'sanction']),
    })),
    ...rows('scope-statuses', accreditation.examinationScopeStatuses, (s) => ({
      attributes: pick(s, ['accredited']),
    })),
    ...rows('scope-types', accreditation.scopeTypes, () => ({})),
    ...rows('code-compliance', accreditation.fsrComplianceStatuses, () => ({})),
    ...rows('forensic-science-activities', accreditation.forensicScienceActivities, () => ({})),
    ...rows('policing-areas', policingAreas.areas, () => ({})),
  ];
}
