import { DateTime } from 'luxon';
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
  // For the cover sheet and footers: the request answered, and when it was received and answered.
  requestReference?: string;
  receivedOn?: string;
  respondedOn?: string;
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
  response: FoiResponseDates;
}

// The request an answer belongs to. respondedOn defaults to today (local); Q4 is answered on it.
export interface FoiResponseDates {
  requestReference: string | null;
  receivedOn: string | null;
  respondedOn: string;
}

export const MAX_SUPPRESS_BELOW = 1000;

// Every bad parameter is named at once (400), never a 500.
export function resolveFoiRequest(input: FoiRequestInput, settings: FoiRequestSettings): FoiRequest {
  const errors: FieldError[] = [];
  const devices = resolveDeviceSelection(input, settings.devices, errors);
  const suppressBelow = resolveSuppressBelow(input.suppressBelow, settings.defaultSuppressBelow, errors);
  const response = resolveResponseDates(input, settings, errors);
  let window: ReportWindow | undefined;
  try {
    window = resolveReportWindow(
      {
        from: input.from,
        to: input.to,
        period: input.period,
        year: input.year,
        referenceDate: input.referenceDate,
        // Q4 is answered in the present tense: on the response date unless scopeOn says otherwise.
        scopeOn: input.scopeOn ?? response.respondedOn,
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
  return { ...devices, window, suppressBelow, response };
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

const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 /._:-]{0,59}$/;

function resolveResponseDates(
  input: FoiRequestInput,
  settings: FoiRequestSettings,
  errors: FieldError[],
): FoiResponseDates {
  const today = DateTime.fromJSDate(settings.now, { zone: settings.timeZone }).toFormat('yyyy-MM-dd');
  const date = (field: 'receivedOn' | 'respondedOn'): string | null => {
    const value = input[field];
    if (value === undefined || value === '') return null;
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: 'UTC' }) : undefined;
    if (!parsed?.isValid || parsed.year < 1900 || parsed.year > 2200) {
      errors.push({ field, message: `${field} must be a real date YYYY-MM-DD` });
      return null;
    }
    return value;
  };
  const receivedOn = date('receivedOn');
  const respondedOn = date('respondedOn') ?? today;
  if (receivedOn && receivedOn > respondedOn) {
    errors.push({ field: 'receivedOn', message: 'receivedOn must not be after respondedOn (default today)' });
  }
  let requestReference: string | null = null;
  if (input.requestReference !== undefined && input.requestReference !== '') {
    const value = String(input.requestReference).trim();
    if (!REFERENCE_PATTERN.test(value)) {
      errors.push({
        field: 'requestReference',
        message:
          'requestReference must be 1 to 60 letters, digits, spaces and / . _ : - (starting with a letter or digit)',
      });
    } else requestReference = value;
  }
  return { requestReference, receivedOn, respondedOn };
}

function describe(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
