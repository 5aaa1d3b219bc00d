import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto.js';

export const CHANNELS = [
  'EMAIL',
  'WEB_FORM',
  'POST',
  'WHATSDOTHEYKNOW',
  'TELEPHONE',
  'IN_PERSON',
  'OTHER',
] as const;
// For statistics only; drives nothing.
export const REQUESTER_TYPES = [
  'PUBLIC',
  'MEDIA',
  'ACADEMIC',
  'BUSINESS',
  'CAMPAIGN_GROUP',
  'SOLICITOR',
  'OTHER',
] as const;
export const DECISIONS = ['DISCLOSED', 'PARTLY_DISCLOSED', 'WITHHELD', 'NOT_HELD', 'COST_LIMIT_S12'] as const;
export const REQUEST_STATUSES = [
  'OPEN',
  'AWAITING_CLARIFICATION',
  'ON_HOLD_FEES',
  'ANSWERED',
  'REFUSED',
  'WITHDRAWN',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) => `${field} must be a date YYYY-MM-DD`;

export class FoiQuestionDto {
  /** The question as the requester asked it. */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}

export class CreateFoiRequestDto {
  /** The force's reference for the request, e.g. FOI/2026/0412 (unique, ignoring letter case). */
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /._:-]{0,59}$/, {
    message:
      'reference must be 1 to 60 letters, digits, spaces and / . _ : - (starting with a letter or digit)',
  })
  reference: string;

  /** The local date (Europe/London) the request was received; may be a weekend or bank holiday. */
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE('receivedOn') })
  receivedOn: string;

  @IsIn(CHANNELS)
  channel: string;

  /** Optional, for statistics only (never the requester's identity). */
  @IsOptional()
  @IsIn(REQUESTER_TYPES)
  requesterType?: string;

  /** A short title for the disclosure log (default: the first question, shortened). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FoiQuestionDto)
  questions: FoiQuestionDto[];
}

export class DateOnDto {
  /** The local date of the event, YYYY-MM-DD. */
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE('on') })
  on: string;
}

export class ExtensionDto {
  /** The new due date (at most 20 working days after the statutory one). */
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE('until') })
  until: string;

  /** The qualified exemption whose public interest test needs the time, e.g. s.31(1)(a). */
  @IsString()
  @Matches(/^s\.\d+[A-Za-z]?(\(\w+\))*$/, { message: 'exemption must be a FOIA section such as s.31(1)(a)' })
  exemption: string;
}

export class DecisionDto {
  @IsInt()
  @Min(1)
  @Max(50)
  number: number;

  @IsIn(DECISIONS)
  decision: string;

  /** The exemption relied on (WITHHELD and PARTLY_DISCLOSED), e.g. s.30(1)(a)(b). */
  @IsOptional()
  @IsString()
  @Matches(/^s\.\d+[A-Za-z]?(\(\w+\))*$/, {
    message: 'exemption must be a FOIA section such as s.30(1)(a)(b)',
  })
  exemption?: string;
}

export class IssueAnswerDto {
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE('respondedOn') })
  respondedOn: string;

  /** The query parameters of /api/foi/report (deviceType, deviceFamily, period, year, from, to, …). */
  @IsObject()
  parameters: Record<string, unknown>;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions: DecisionDto[];
}

export class VoidAnswerDto {
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class FoiRequestListQueryDto extends PaginationQueryDto {
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: string;
}

export class StatisticsQueryDto {
  /** Calendar year of the responses, e.g. 2026. */
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2035)
  year: number;
}
