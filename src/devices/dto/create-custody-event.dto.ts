import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { TRIMMED_TEXT } from '../../cases/dto/query-values.js';
import { IsInstant } from '../../common/is-instant.js';

const text = (field: string) => ({ message: `${field} must be printable text without surrounding spaces` });

export class CreateCustodyEventDto {
  /** When custody changed: ISO 8601 with offset; not before the seizure or the latest event, not in the future. */
  @IsInstant()
  at: string;

  /** Who handed it over; defaults to the previous event's toHolder (or the seizing officer). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_TEXT, text('fromHolder'))
  fromHolder?: string;

  /** Who or which store holds it now. */
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_TEXT, text('toHolder'))
  toHolder: string;

  /** Code from /api/reference/custody-statuses; becomes the device's custodyStatus. */
  @IsString()
  @Length(1, 40)
  toStatus: string;

  /** Why it moved, e.g. LAB_SUBMISSION. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  purpose?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, text('sealNumber'))
  sealNumber?: string;

  /** Was the seal intact on receipt? */
  @IsOptional()
  @IsBoolean()
  sealIntact?: boolean;

  /** Who recorded the movement; defaults to the user's id. */
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(TRIMMED_TEXT, text('recordedBy'))
  recordedBy?: string;
}
