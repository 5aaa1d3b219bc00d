import { type FieldError, ValidationFailedError } from '../common/errors.js';
import {
  ALL_DEVICE_TYPES,
  DEFAULT_DEVICE_TYPE,
  type DeviceCatalogue,
  resolveDeviceSelection,
} from './device-selection.js';
import { type ReportWindow, resolveReportWindow, WindowError } from './report-window.js';

export { ALL_DEVICE_TYPES, DEFAULT_DEVICE_TYPE };

// What an FOI report is asked for, before checking: the API query and the CLI options both map to this.
export interface FoiRequestInput {
  deviceType?: string | string[];
  deviceFamily?: string | string[];
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
  devices: DeviceCatalogue;
  now: Date;
}

// The question as resolved: `deviceTypes` null means every device type (ALL).
export interface FoiRequest {
  deviceTypes: string[] | null;
  // The device families asked for (deviceFamily), already resolved into deviceTypes.
  deviceFamilies: string[];
  window: ReportWindow;
  suppressBelow: number;
}

export const MAX_SUPPRESS_BELOW = 1000;

// Every bad parameter is named at once (400), never a 500.
export function resolveFoiRequest(input: FoiRequestInput, settings: FoiRequestSettings): FoiRequest {
  const errors: FieldError[] = [];
  const devices = resolveDeviceSelection(input, settings.devices, errors);
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
  if (errors.length > 0 || !window || devices === undefined) {
    throw new ValidationFailedError(errors, `Invalid FOI report parameters: ${describe(errors)}`);
  }
  return { ...devices, window, suppressBelow };
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
