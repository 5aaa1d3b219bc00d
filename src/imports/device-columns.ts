import type { FieldKind, FieldSpec } from '../common/record-fields.js';
import { DEVICE_RECORD } from '../devices/device-record.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';

export type ColumnType = FieldKind;

// One column of the device spreadsheet: the same headings for export, template and import.
export interface SheetColumn {
  /** The API field (on the case or on the device). */
  field: string;
  target: 'case' | 'device';
  heading: string;
  type: ColumnType;
  /** Codes come from a reference list or a fixed set. */
  codes?: ReferenceListName | readonly { code: string; label: string }[];
  /** Other headings people use for the same thing; matched ignoring case, spaces and punctuation. */
  synonyms?: string[];
  required?: boolean;
  /** Derived or kept by other records (custody events): exported for reading, ignored on import. */
  readOnly?: boolean;
  width?: number;
}

const fixed = (...codes: string[]) => codes.map((code) => ({ code, label: code }));

export const CASE_KIND_CODES = fixed('CRIME', 'INCIDENT');

// A record table's fields that have a place in the sheet, in the table's order.
function recordColumns(target: SheetColumn['target'], table: Record<string, FieldSpec>): SheetColumn[] {
  return Object.entries(table).flatMap(([field, spec]) =>
    spec.sheet
      ? [{ field, target, type: spec.kind, required: spec.create === 'required', ...spec.sheet }]
      : [],
  );
}

export const DEVICE_SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    field: 'reference',
    target: 'case',
    heading: 'Case reference',
    type: 'text',
    required: true,
    width: 18,
    synonyms: [
      'case ref',
      'crime ref',
      'crime reference',
      'crime number',
      'crime no',
      'incident ref',
      'incident reference',
      'incident number',
      'occurrence ref',
      'occurrence number',
      'case number',
      'case no',
      'case',
      'crime',
      'urn',
    ],
  },
  {
    field: 'kind',
    target: 'case',
    heading: 'Case kind',
    type: 'code',
    codes: CASE_KIND_CODES,
    width: 11,
    synonyms: ['kind', 'case type', 'crime or incident'],
  },
  {
    field: 'offenceGroup',
    target: 'case',
    heading: 'Offence group',
    type: 'code',
    codes: 'offence-groups',
    readOnly: true,
    width: 22,
  },
  {
    field: 'offenceSubgroup',
    target: 'case',
    heading: 'Offence sub-group',
    type: 'code',
    codes: 'offence-subgroups',
    width: 26,
    synonyms: ['offence', 'offence type', 'offence category'],
  },
  {
    field: 'homeOfficeCode',
    target: 'case',
    heading: 'Home Office code',
    type: 'code',
    codes: 'home-office-offences',
    width: 10,
    synonyms: ['ho code', 'home office offence code', 'ho offence code', 'hoc', 'classification code'],
  },
  {
    field: 'incidentCategory',
    target: 'case',
    heading: 'Incident category',
    type: 'code',
    codes: 'incident-categories',
    width: 22,
    synonyms: ['incident type', 'non crime category'],
  },
  {
    field: 'policeOutcome',
    target: 'case',
    heading: 'Police outcome',
    type: 'code',
    codes: 'police-outcomes',
    width: 10,
    synonyms: ['outcome', 'outcome code', 'ho outcome', 'crime outcome', 'outcome type'],
  },
  {
    field: 'courtStage',
    target: 'case',
    heading: 'Court stage',
    type: 'code',
    codes: 'court-stages',
    width: 18,
  },
  {
    field: 'courtResult',
    target: 'case',
    heading: 'Court result',
    type: 'code',
    codes: 'court-results',
    width: 18,
    synonyms: ['verdict', 'court outcome'],
  },
  {
    field: 'courtResultAt',
    target: 'case',
    heading: 'Court result date',
    type: 'date',
    width: 14,
    synonyms: ['date of court result', 'result date', 'verdict date', 'court date'],
  },
  {
    field: 'policingArea',
    target: 'case',
    heading: 'Policing area',
    type: 'code',
    codes: 'policing-areas',
    width: 16,
    synonyms: ['bcu', 'basic command unit', 'borough', 'area', 'policing district'],
  },
  ...recordColumns('device', DEVICE_RECORD),
];
