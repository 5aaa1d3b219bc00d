import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Shapes only: the values (device type codes, dates, window length, threshold) are checked by
// resolveFoiRequest, which the CLI shares, so both name every bad parameter the same way.
export class FoiReportQueryDto {
  /** Device type code; repeat it (or give a comma-separated list) for several, or ALL. Default SMART_PLUG. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]))
  @IsString({ each: true })
  @MaxLength(400, { each: true })
  deviceType?: string[];

  /** Device family code (e.g. SMART_PLUG = SMART_PLUG + SMART_PLUG_ENERGY); repeatable; adds its types. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]))
  @IsString({ each: true })
  @MaxLength(400, { each: true })
  deviceFamily?: string[];

  /** First local date of the window (inclusive), YYYY-MM-DD, with `to`. */
  @IsOptional()
  @IsString()
  from?: string;

  /** Local date after the window (exclusive), YYYY-MM-DD. */
  @IsOptional()
  @IsString()
  to?: string;

  /** Instead of from/to: last-12-months, financial-year or calendar-year. */
  @IsOptional()
  @IsString()
  period?: string;

  /** The year for financial-year (1 April to 31 March) or calendar-year, e.g. 2023. */
  @IsOptional()
  @IsString()
  year?: string;

  /** For last-12-months: the 12 whole months before this date's month (default today). */
  @IsOptional()
  @IsString()
  referenceDate?: string;

  /** The local date on which Q4 reads the scope register (default: respondedOn, i.e. today). */
  @IsOptional()
  @IsString()
  scopeOn?: string;

  /** Counts from 1 to N-1 are shown as "<N"; 0 turns suppression off. Default from settings. */
  @IsOptional()
  @IsString()
  suppressBelow?: string;

  /** The FOI request's reference, printed on the cover and in every page footer. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  requestReference?: string;

  /** The local date the request was received (YYYY-MM-DD), for the cover. */
  @IsOptional()
  @IsString()
  receivedOn?: string;

  /** The local date of the response (YYYY-MM-DD; default today). Q4 is answered on it unless scopeOn is given. */
  @IsOptional()
  @IsString()
  respondedOn?: string;
}
