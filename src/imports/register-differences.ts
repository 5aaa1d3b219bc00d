import { DEVICE_PERSONAL } from '../devices/device-record.js';
import type { Device } from '../devices/device.entity.js';
import { displayValue, quoted } from './row-values.js';

const PERSONAL = new Set<string>(DEVICE_PERSONAL);
const SHOWN_CHARS = 100;

const shown = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '(blank)'
    : `'${quoted(displayValue(value as string), SHOWN_CHARS)}'`;

type Plain = string | number | boolean | null;
const plain = (v: unknown): Plain => (v instanceof Date ? v.toISOString() : ((v ?? null) as Plain));
const same = (a: unknown, b: unknown): boolean => {
  const [x, y] = [plain(a), plain(b)];
  return x === y || (x !== null && y !== null && String(x) === String(y));
};

/** A row's exhibit is already in the register: the fields the file gives otherwise, each with both
 * values (personal data named, never quoted). The import never changes the register's device. */
export function deviceDifferences(
  given: Record<string, unknown>,
  fields: string[],
  device: Device,
  heading: (field: string) => string,
): { field: string; message: string }[] {
  const found: { field: string; message: string }[] = [];
  for (const field of fields) {
    const file = given[field];
    const register = plain((device as unknown as Record<string, unknown>)[field]);
    if (same(file, register)) continue;
    const values = PERSONAL.has(field)
      ? ' (personal data: the values are not shown)'
      : `: file ${shown(file)}, register ${shown(register)}`;
    found.push({
      field,
      message: `${heading(field)} differs${values}; the import does not change devices already in the register`,
    });
  }
  return found;
}
