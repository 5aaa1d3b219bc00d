import { type FieldError, ValidationFailedError } from '../common/errors.js';
import { type ReportWindow, resolveReportWindow, WindowError } from './report-window.js';

// What an FOI report is asked for, before checking: the API query and the CLI options both map to this.
export interface FoiRequestInput {
  deviceType?: string | string[];
  from?: string;
  to?: string;
  period?: string;
  year?: string;
  referenceDate?: string;
  scopeOn?: string;
  suppressBelow?: string | number;
}

export interface FoiRequestSettings {
  timeZone: string;
  defaultSuppressBelow: number;
  deviceTypes: readonly string[];
  now: Date;
}

// The question as resolved: `deviceTypes` null means every device type (ALL).
export interface FoiRequest {
  deviceTypes: string[] | null;
  window: ReportWindow;
  suppressBelow: number;
}

export const DEFAULT_DEVICE_TYPE = 'SMART_PLUG';
export const ALL_DEVICE_TYPES = 'ALL';
export const MAX_SUPPRESS_BELOW = 1000;

// Every bad parameter is named at once (400), never a 500.
export function resolveFoiRequest(input: FoiRequestInput, settings: FoiRequestSettings): FoiRequest {
  const errors: FieldError[] = [];
  const deviceTypes = resolveDeviceTypes(input.deviceType, settings.deviceTypes, errors);
  const suppressBelow = resolveSuppressBelow(input.suppressBelow, settings.defaultSuppressBelow, errors);
  let window: ReportWindow | undefined;
  try {
    window = resolveReportWindow(
      {
        from: input.from,
        to: input.to,
        period: input.period,
        year: input.year,
        referenceDate: input.referenceDate,
        scopeOn: input.scopeOn,
      },
      settings.timeZone,
      settings.now,
    );
  } catch (error) {
    if (!(error instanceof WindowError)) throw error;
    errors.push(...error.errors);
  }
  if (errors.length > 0 || !window || deviceTypes === undefined) {
    throw new ValidationFailedError(errors, `Invalid FOI report parameters: ${describe(errors)}`);
  }
  return { deviceTypes, window, suppressBelow };
}

function resolveDeviceTypes(
  value: string | string[] | undefined,
  known: readonly string[],
  errors: FieldError[],
): string[] | null | undefined {
  const asked = (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  if (asked.length === 0) return [DEFAULT_DEVICE_TYPE];
  if (asked.includes(ALL_DEVICE_TYPES)) {
    if (asked.some((v) => v !== ALL_DEVICE_TYPES)) {
      errors.push({ field: 'deviceType', message: 'ALL cannot be combined with other device types' });
      return undefined;
    }
    return null;
  }
  const unknown = asked.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    errors.push({
      field: 'deviceType',
      message:
        `unknown device type ${unknown.map((v) => JSON.stringify(v)).join(', ')}; use ALL or codes ` +
        `such as ${known.slice(0, 4).join(', ')} (see /api/reference/device-types)`,
    });
    return undefined;
  }
  return [...new Set(asked)];
}

function resolveSuppressBelow(
  value: string | number | undefined,
  fallback: number,
  errors: FieldError[],
): number {
  if (value === undefined || value === '') return fallback;
  const text = String(value).trim();
  const parsed = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(parsed) || parsed > MAX_SUPPRESS_BELOW) {
    errors.push({
      field: 'suppressBelow',
      message: `suppressBelow must be a whole number from 0 to ${MAX_SUPPRESS_BELOW} (0 turns suppression off)`,
    });
    return fallback;
  }
  return parsed;
}

function describe(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
