import { toInstant } from '../common/columns.js';
import type { Device } from './device.entity.js';
import { DEVICE_CREATABLE, DEVICE_RECORD, type DeviceCreatableField } from './device-record.js';
import type { CreateDeviceDto } from './dto/create-device.dto.js';
import type { Covers } from '../common/record-fields.js';

// A new device's own columns from a checked create body, field by field from the record table: absent
// optional fields are null or their `absent` value (power state and evidential use UNKNOWN), instants
// are stored as ISO UTC. POST /api/devices and the spreadsheet import both build a device's values here.
export type DeviceCreateValues = Pick<Device, DeviceCreatableField>;

// Every creatable field is in the create DTO (a compile error names the one that is not).
const dtoCovers: Covers<CreateDeviceDto, DeviceCreatableField> = true;
void dtoCovers;

export function deviceCreateValues(dto: Omit<CreateDeviceDto, 'caseId'>): DeviceCreateValues {
  const values: Record<string, unknown> = {};
  for (const field of DEVICE_CREATABLE) values[field] = storedValue(field, dto[field]);
  return values as DeviceCreateValues;
}

function storedValue(field: DeviceCreatableField, value: unknown): unknown {
  const spec = DEVICE_RECORD[field];
  if (value === undefined || value === null) return ('absent' in spec ? spec.absent : undefined) ?? null;
  return spec.kind === 'instant' ? toInstant(value as string) : value;
}

/** A PATCH value as stored (instants as ISO UTC). */
export function deviceStoredValue(field: DeviceCreatableField, value: unknown): unknown {
  return value === undefined || value === null || DEVICE_RECORD[field].kind !== 'instant'
    ? value
    : toInstant(value as string);
}
