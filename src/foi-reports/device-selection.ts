import type { FieldError } from '../common/errors.js';
import type { ReferenceDataService } from '../reference-data/reference-data.service.js';

// Which device types an FOI question counts. `deviceType` names single types (SMART_PLUG means the
// one type), `deviceFamily` names families from the reference data (SMART_PLUG = SMART_PLUG +
// SMART_PLUG_ENERGY); both may be given (their union), ALL means every type. This is the one place a
// family becomes device types: the report, the counts endpoint and the request log all call it.

export const DEFAULT_DEVICE_TYPE = 'SMART_PLUG';
export const ALL_DEVICE_TYPES = 'ALL';

export interface DeviceSelectionInput {
  deviceType?: string | string[];
  deviceFamily?: string | string[];
}

// The device types known, in reference order, and each family's member types in that order.
export interface DeviceCatalogue {
  deviceTypes: readonly string[];
  families: ReadonlyMap<string, readonly string[]>;
  // What each family's devices are called in a sentence ("smart plugs").
  plurals?: ReadonlyMap<string, string>;
}

export interface DeviceSelection {
  // null: every device type (ALL).
  deviceTypes: string[] | null;
  // The families asked for (empty when only types were).
  deviceFamilies: string[];
}

// The catalogue as the reference data holds it (device-types' attribute "family", device-families).
export function deviceCatalogue(reference: Pick<ReferenceDataService, 'items'>): DeviceCatalogue {
  const types = reference.items('device-types');
  const familyItems = reference.items('device-families');
  const families = new Map<string, string[]>(familyItems.map((f) => [f.code, []]));
  const plurals = new Map(
    familyItems.map((f) => [f.code, typeof f.attributes.plural === 'string' ? f.attributes.plural : f.label]),
  );
  for (const type of types) {
    const family = type.attributes.family;
    if (typeof family === 'string') families.get(family)?.push(type.code);
  }
  return { deviceTypes: types.map((t) => t.code), families, plurals };
}

export interface DeviceWords {
  // For sentences: "smart plugs", "devices recorded as “Smart plug”", "IoT devices of every type".
  noun: string;
  // For the cover: the types counted by label, and any member of their families left out.
  counted: string;
}

// The devices counted, in words a requester reads (labels, never codes).
export function describeDevices(
  selection: { deviceTypes: readonly string[]; deviceFamilies: readonly string[] },
  catalogue: DeviceCatalogue,
  labelOf: (code: string) => string,
): DeviceWords {
  const { deviceTypes, deviceFamilies } = selection;
  if (deviceTypes.includes(ALL_DEVICE_TYPES)) {
    return { noun: 'IoT devices (all device types)', counted: 'All device types' };
  }
  const labels = deviceTypes.map((t) => `“${labelOf(t)}”`);
  const counted = `${joinWords(labels)}.`;
  // The families whose members are all counted, covering exactly the types counted, name the devices.
  const whole = [...catalogue.families].filter(
    ([family, members]) =>
      (deviceFamilies.includes(family) || members.every((m) => deviceTypes.includes(m))) &&
      members.length > 0 &&
      members.every((m) => deviceTypes.includes(m)),
  );
  const coveredTypes = new Set(whole.flatMap(([, members]) => members));
  if (whole.length > 0 && deviceTypes.every((t) => coveredTypes.has(t))) {
    return { noun: joinWords(whole.map(([family]) => catalogue.plurals?.get(family) ?? family)), counted };
  }
  const left = deviceTypes.flatMap((t) => {
    const family = familyOf(catalogue, t);
    const others = (family ? (catalogue.families.get(family) ?? []) : []).filter(
      (m) => !deviceTypes.includes(m),
    );
    return others.length > 0 && family ? [{ family, others }] : [];
  });
  const notes = [...new Map(left.map((l) => [l.family, l])).values()].map(
    ({ family, others }) =>
      ` Not counted: ${joinWords(others.map((o) => `“${labelOf(o)}”`))}, of the same family ` +
      `(${catalogue.plurals?.get(family) ?? family}); ask with deviceFamily=${family} to count the whole family.`,
  );
  const noun =
    deviceTypes.length === 1
      ? `devices recorded as ${labels[0]}`
      : `devices recorded as ${joinWords(labels, 'or')}`;
  return { noun, counted: counted + notes.join('') };
}

function joinWords(words: string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

// The family a device type belongs to, and its other members (for "also in this family" notes).
export function familyOf(catalogue: DeviceCatalogue, deviceType: string): string | undefined {
  for (const [family, members] of catalogue.families) if (members.includes(deviceType)) return family;
  return undefined;
}

// Resolves the selection; pushes a problem naming the field and returns undefined when it is bad.
export function resolveDeviceSelection(
  input: DeviceSelectionInput,
  catalogue: DeviceCatalogue,
  errors: FieldError[],
): DeviceSelection | undefined {
  const types = listOf(input.deviceType);
  const families = listOf(input.deviceFamily);
  const before = errors.length;
  if (types.includes(ALL_DEVICE_TYPES) && (types.length > 1 || families.length > 0)) {
    errors.push({
      field: 'deviceType',
      message: 'ALL cannot be combined with other device types or a device family',
    });
  }
  const unknownTypes = types.filter((v) => v !== ALL_DEVICE_TYPES && !catalogue.deviceTypes.includes(v));
  if (unknownTypes.length > 0) {
    errors.push({
      field: 'deviceType',
      message:
        `unknown device type ${quoted(unknownTypes)}; use ALL or codes such as ` +
        `${catalogue.deviceTypes.slice(0, 4).join(', ')} (see /api/reference/device-types)`,
    });
  }
  const unknownFamilies = families.filter((v) => !catalogue.families.has(v));
  if (unknownFamilies.length > 0) {
    errors.push({
      field: 'deviceFamily',
      message:
        `unknown device family ${quoted(unknownFamilies)}; use codes such as ` +
        `${[...catalogue.families.keys()].slice(0, 4).join(', ')} (see /api/reference/device-families)`,
    });
  }
  if (errors.length > before) return undefined;
  if (types.includes(ALL_DEVICE_TYPES)) return { deviceTypes: null, deviceFamilies: [] };
  if (types.length === 0 && families.length === 0) {
    return { deviceTypes: [DEFAULT_DEVICE_TYPE], deviceFamilies: [] };
  }
  const wanted = new Set([...types, ...families.flatMap((f) => catalogue.families.get(f) ?? [])]);
  // Types given alone keep the order asked (the report lists them so); a family adds its members.
  const ordered =
    families.length === 0 ? [...new Set(types)] : catalogue.deviceTypes.filter((t) => wanted.has(t));
  return { deviceTypes: ordered, deviceFamilies: [...new Set(families)] };
}

function listOf(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function quoted(values: string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
