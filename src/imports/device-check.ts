import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldError, ValidationFailedError } from '../common/errors.js';
import { toFieldErrors } from '../common/validation.js';
import { checkSeizedAt } from '../devices/custody-rules.js';
import { DeviceCodes } from '../devices/device-codes.js';
import { DEVICE_CREATABLE, DEVICE_RECORD } from '../devices/device-record.js';
import { deviceCreateValues } from '../devices/device-values.js';
import { CreateDeviceDto } from '../devices/dto/create-device.dto.js';
import { FieldVerdicts } from './field-verdicts.js';
import { DEVICE_FIELD_RULES, DEVICE_TEMPLATE, quickDevice } from './quick-checks.js';
import type { DeviceValues, ParsedRow, RowContext } from './row-values.js';

// The same options as the API's ValidationPipe: unknown fields are errors, every error at once.
const VALIDATE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
// Stands in for the case id while a row is checked: the case may not exist yet.
const PLACEHOLDER_CASE_ID = '00000000-0000-4000-8000-000000000000';

type AddProblems = (row: ParsedRow, errors: FieldError[]) => number;

// The API's checks for POST /api/devices (DTO, reference codes, seizure time), without the case. A row
// the quick checks accept is one class-validator would accept; a listed row is checked by
// class-validator itself, for the API's own messages; a row past the listed errors is checked field by
// field (field-verdicts.ts) and only counted.
export class DeviceCheck {
  private readonly verdicts = new FieldVerdicts(CreateDeviceDto, DEVICE_TEMPLATE, DEVICE_FIELD_RULES);

  constructor(
    private readonly ctx: RowContext,
    private readonly codes: DeviceCodes,
    private readonly addProblems: AddProblems,
  ) {}

  check(row: ParsedRow, listing: boolean): DeviceValues | null {
    if (row.errors.length === 0) {
      const body = quickDevice(row.deviceInput);
      if (
        body &&
        this.ctx.reference.has('device-types', body.deviceType) &&
        (body.evidentialUse === undefined || this.ctx.reference.has('evidential-uses', body.evidentialUse)) &&
        checkSeizedAt(body.seizedAt, this.ctx.now, null) === null
      ) {
        return deviceCreateValues(body);
      }
    }
    if (listing) return this.checkFully(row);
    // Counted only: which cells are bad, without messages; a row with none (the quick checks were
    // unsure) gets the full check for its values.
    if (this.count(row) > 0 || row.errors.length > 0) return null;
    return this.checkFully(row);
  }

  private checkFully(row: ParsedRow): DeviceValues | null {
    const dto = plainToInstance(CreateDeviceDto, { ...row.deviceInput, caseId: PLACEHOLDER_CASE_ID });
    const problems = toFieldErrors(validateSync(dto, VALIDATE) as ValidationError[]);
    const bad = new Set(problems.map((p) => p.field));
    // Codes and the seizure time are checked too, so every error of the row is reported at once.
    try {
      this.codes.check({
        deviceType: bad.has('deviceType') ? undefined : dto.deviceType,
        evidentialUse: bad.has('evidentialUse') ? undefined : dto.evidentialUse,
      });
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      problems.push(...error.errors);
    }
    if (!bad.has('seizedAt') && typeof dto.seizedAt === 'string') {
      const seizure = checkSeizedAt(new Date(dto.seizedAt).toISOString(), this.ctx.now, null);
      if (seizure) problems.push(seizure);
    }
    if (this.addProblems(row, problems) > 0) return null;
    return deviceCreateValues(dto);
  }

  // The fields checkFully would refuse, each once, with no message.
  private count(row: ParsedRow): number {
    const bad: FieldError[] = [];
    const already = new Set(row.errors.map((e) => e.field));
    const input = row.deviceInput;
    for (const field of DEVICE_CREATABLE) {
      if (already.has(field)) continue;
      const value = input[field];
      if (value === undefined) {
        if (DEVICE_RECORD[field].create === 'required') bad.push({ field, message: '' });
        continue;
      }
      if (this.verdicts.refuses(field, value)) {
        bad.push({ field, message: '' });
      } else if (
        (field === 'deviceType' && !this.ctx.reference.has('device-types', value as string)) ||
        (field === 'evidentialUse' && !this.ctx.reference.has('evidential-uses', value as string)) ||
        (field === 'seizedAt' && checkSeizedAt(new Date(value as string).toISOString(), this.ctx.now, null))
      ) {
        bad.push({ field, message: '' });
      }
    }
    this.addProblems(row, bad);
    return bad.length;
  }
}
