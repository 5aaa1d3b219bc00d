import type { EvidentialRecord } from '../common/evidential-record.js';
import {
  fieldsWhere,
  isBoolean,
  isUtcInstant,
  lengthOf,
  oneOf,
  trimmedText,
  type RecordTable,
} from '../common/record-fields.js';
import type { Device } from './device.entity.js';
import { POWER_STATES } from './dto/create-device.dto.js';
import { EXHIBIT_REF_PATTERN, normaliseExhibitRef } from './exhibit-reference.js';
import { normaliseMacAddress } from './mac-address.js';
import { normalisePropertyReference } from './property-reference.js';

const fixed = (...codes: string[]) => codes.map((code) => ({ code, label: code }));

/** The device's own stored fields: not the common record columns, its case, or the FOI copies (case*). */
export type DeviceField = Exclude<keyof Device, keyof EvidentialRecord | `case${string}`>;

// The device record, field by field, in spreadsheet order. Everything that lists device fields derives
// from here: create values (device-values.ts), the PATCH-able set (devices.service.ts), who sees what
// (dto/device-response.dto.ts), the import's quick checks and the spreadsheet columns (imports/).
// The DTOs keep their class-validator decorators; `quick` repeats them for the import's fast path.
export const DEVICE_RECORD = {
  exhibitRef: {
    kind: 'text',
    create: 'required',
    patch: true,
    normalise: normaliseExhibitRef,
    quick: (v) => lengthOf(30)(v) && EXHIBIT_REF_PATTERN.test(v as string),
    sheet: {
      heading: 'Exhibit reference',
      width: 16,
      synonyms: ['exhibit ref', 'exhibit no', 'exhibit number', 'exhibit', 'exhibit id'],
    },
  },
  deviceType: {
    kind: 'code',
    create: 'required',
    patch: true,
    quick: lengthOf(40),
    sheet: {
      heading: 'Device type',
      codes: 'device-types',
      width: 16,
      synonyms: ['type', 'device', 'item type', 'type of device'],
    },
  },
  make: {
    kind: 'text',
    create: 'optional',
    patch: true,
    quick: trimmedText(100),
    sheet: { heading: 'Make', width: 14, synonyms: ['manufacturer', 'brand'] },
  },
  model: {
    kind: 'text',
    create: 'optional',
    patch: true,
    quick: trimmedText(100),
    sheet: { heading: 'Model', width: 14 },
  },
  serialNumber: {
    kind: 'text',
    create: 'optional',
    patch: true,
    quick: trimmedText(100),
    sheet: { heading: 'Serial number', width: 18, synonyms: ['serial', 'serial no', 's/n', 'sn'] },
  },
  macAddress: {
    kind: 'text',
    create: 'optional',
    patch: true,
    normalise: normaliseMacAddress,
    quick: () => true, // normalised: it is a MAC address
    sheet: { heading: 'MAC address', width: 19, synonyms: ['mac', 'mac addr', 'wifi mac', 'wi-fi mac'] },
  },
  firmwareVersion: {
    kind: 'text',
    create: 'optional',
    patch: true,
    quick: trimmedText(50),
    sheet: { heading: 'Firmware version', width: 12, synonyms: ['firmware', 'fw version', 'fw'] },
  },
  seizedAt: {
    kind: 'instant',
    create: 'required',
    patch: true,
    quick: isUtcInstant,
    sheet: {
      heading: 'Seized at',
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
  },
  seizedBy: {
    kind: 'text',
    create: 'required',
    patch: true,
    quick: trimmedText(50),
    sheet: {
      heading: 'Seized by',
      width: 12,
      synonyms: ['seizing officer', 'officer', 'officer id', 'seized by officer'],
    },
  },
  seizureLocation: {
    kind: 'text',
    create: 'optional',
    patch: true,
    personal: true,
    quick: lengthOf(500),
    sheet: {
      heading: 'Seizure location',
      width: 30,
      synonyms: ['location', 'seized from', 'location of seizure', 'address'],
    },
  },
  powerStateAtSeizure: {
    kind: 'code',
    create: 'optional',
    absent: 'UNKNOWN',
    patch: true,
    quick: oneOf(POWER_STATES),
    sheet: {
      heading: 'Power state at seizure',
      codes: fixed(...POWER_STATES),
      width: 10,
      synonyms: ['power state', 'power', 'powered'],
    },
  },
  photographedInSitu: {
    kind: 'boolean',
    create: 'optional',
    patch: true,
    quick: isBoolean,
    sheet: {
      heading: 'Photographed in situ',
      width: 10,
      synonyms: ['photographed', 'photos taken', 'photo in situ'],
    },
  },
  networkIsolated: {
    kind: 'boolean',
    create: 'optional',
    patch: true,
    quick: isBoolean,
    sheet: {
      heading: 'Network isolated',
      width: 10,
      synonyms: ['isolated', 'network isolation', 'faraday'],
    },
  },
  companionApp: {
    kind: 'text',
    create: 'optional',
    patch: true,
    quick: lengthOf(100),
    sheet: { heading: 'Companion app', width: 14, synonyms: ['app'] },
  },
  cloudAccountIdentifier: {
    kind: 'text',
    create: 'optional',
    patch: true,
    personal: true,
    quick: lengthOf(200),
    sheet: {
      heading: 'Cloud account identifier',
      width: 24,
      synonyms: ['cloud account', 'account id', 'cloud id'],
    },
  },
  // Moves only through custody events.
  custodyStatus: {
    kind: 'code',
    create: false,
    patch: false,
    sheet: {
      heading: 'Custody status',
      codes: 'custody-statuses',
      readOnly: true,
      width: 16,
      synonyms: ['exhibit status'],
    },
  },
  evidentialUse: {
    kind: 'code',
    create: 'optional',
    absent: 'UNKNOWN',
    patch: true,
    quick: lengthOf(40),
    sheet: {
      heading: 'Evidential use',
      codes: 'evidential-uses',
      width: 20,
      synonyms: ['evidence use', 'evidential status'],
    },
  },
  propertyReference: {
    kind: 'text',
    create: 'optional',
    patch: true,
    normalise: normalisePropertyReference,
    quick: trimmedText(50),
    sheet: {
      heading: 'Property reference',
      width: 16,
      synonyms: [
        'property ref',
        'property number',
        'property no',
        'property item',
        'property id',
        'prop ref',
      ],
    },
  },
} as const satisfies RecordTable<DeviceField>;

type Spec<F extends DeviceField> = (typeof DEVICE_RECORD)[F];
type FieldsWhere<Test> = { [F in DeviceField]: Spec<F> extends Test ? F : never }[DeviceField];

/** The fields a create body carries. */
export type DeviceCreatableField = FieldsWhere<{ create: 'required' | 'optional' }>;
export const DEVICE_CREATABLE = fieldsWhere(
  DEVICE_RECORD,
  (s) => s.create !== false,
) as DeviceCreatableField[];
/** Fields PATCH may change; those of them a create body requires cannot be cleared. */
export type DevicePatchableField = FieldsWhere<{ patch: true }>;
export const DEVICE_PATCHABLE = fieldsWhere(DEVICE_RECORD, (s) => s.patch) as DevicePatchableField[];
export const DEVICE_NEVER_NULL = fieldsWhere(
  DEVICE_RECORD,
  (s) => s.create === 'required' || s.absent !== undefined,
);
/** Personal data: shown only to PERSONAL_DATA_READERS, never in FOI output. */
export const DEVICE_PERSONAL = fieldsWhere(DEVICE_RECORD, (s) => s.personal === true);
