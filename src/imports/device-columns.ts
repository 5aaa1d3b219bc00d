import type { ReferenceListName } from '../reference-data/reference-lists.js';

export type ColumnType = 'text' | 'instant' | 'date' | 'boolean' | 'code';

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
export const POWER_STATE_CODES = fixed('ON', 'OFF', 'UNKNOWN');

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
  {
    field: 'exhibitRef',
    target: 'device',
    heading: 'Exhibit reference',
    type: 'text',
    required: true,
    width: 16,
    synonyms: ['exhibit ref', 'exhibit no', 'exhibit number', 'exhibit', 'exhibit id'],
  },
  {
    field: 'deviceType',
    target: 'device',
    heading: 'Device type',
    type: 'code',
    codes: 'device-types',
    required: true,
    width: 16,
    synonyms: ['type', 'device', 'item type', 'type of device'],
  },
  {
    field: 'make',
    target: 'device',
    heading: 'Make',
    type: 'text',
    width: 14,
    synonyms: ['manufacturer', 'brand'],
  },
  { field: 'model', target: 'device', heading: 'Model', type: 'text', width: 14 },
  {
    field: 'serialNumber',
    target: 'device',
    heading: 'Serial number',
    type: 'text',
    width: 18,
    synonyms: ['serial', 'serial no', 's/n', 'sn'],
  },
  {
    field: 'macAddress',
    target: 'device',
    heading: 'MAC address',
    type: 'text',
    width: 19,
    synonyms: ['mac', 'mac addr', 'wifi mac', 'wi-fi mac'],
  },
  {
    field: 'firmwareVersion',
    target: 'device',
    heading: 'Firmware version',
    type: 'text',
    width: 12,
    synonyms: ['firmware', 'fw version', 'fw'],
  },
  {
    field: 'seizedAt',
    target: 'device',
    heading: 'Seized at',
    type: 'instant',
    required: true,
    width: 18,
    synonyms: [
      'seized date',
      'date seized',
      'seizure date',
      'seized on',
      'date of seizure',
      'seizure time',
      'date time seized',
      'time seized',
      'seized',
    ],
  },
  {
    field: 'seizedBy',
    target: 'device',
    heading: 'Seized by',
    type: 'text',
    required: true,
    width: 12,
    synonyms: ['seizing officer', 'officer', 'officer id', 'seized by officer'],
  },
  {
    field: 'seizureLocation',
    target: 'device',
    heading: 'Seizure location',
    type: 'text',
    width: 30,
    synonyms: ['location', 'seized from', 'location of seizure', 'address'],
  },
  {
    field: 'powerStateAtSeizure',
    target: 'device',
    heading: 'Power state at seizure',
    type: 'code',
    codes: POWER_STATE_CODES,
    width: 10,
    synonyms: ['power state', 'power', 'powered'],
  },
  {
    field: 'photographedInSitu',
    target: 'device',
    heading: 'Photographed in situ',
    type: 'boolean',
    width: 10,
    synonyms: ['photographed', 'photos taken', 'photo in situ'],
  },
  {
    field: 'networkIsolated',
    target: 'device',
    heading: 'Network isolated',
    type: 'boolean',
    width: 10,
    synonyms: ['isolated', 'network isolation', 'faraday'],
  },
  {
    field: 'companionApp',
    target: 'device',
    heading: 'Companion app',
    type: 'text',
    width: 14,
    synonyms: ['app'],
  },
  {
    field: 'cloudAccountIdentifier',
    target: 'device',
    heading: 'Cloud account identifier',
    type: 'text',
    width: 24,
    synonyms: ['cloud account', 'account id', 'cloud id'],
  },
  {
    field: 'custodyStatus',
    target: 'device',
    heading: 'Custody status',
    type: 'code',
    codes: 'custody-statuses',
    readOnly: true,
    width: 16,
    synonyms: ['exhibit status'],
  },
  {
    field: 'evidentialUse',
    target: 'device',
    heading: 'Evidential use',
    type: 'code',
    codes: 'evidential-uses',
    width: 20,
    synonyms: ['evidence use', 'evidential status'],
  },
];
