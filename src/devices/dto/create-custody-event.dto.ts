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

  /** Why it moved: a code from /api/reference/custody-purposes, e.g. BOOK_IN, SUBMIT_TO_LAB. The lab
   * may record RECEIVED_BY_LAB and RETURNED_FROM_LAB only. */
  @IsOptional()
  @IsString()
  @Length(1, 40)
  purpose?: string;

  /** Free text about the movement (e.g. what OTHER means here). */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  notes?: string;

  /** Needed (true) to record DESTROYED or SOLD_OR_RECYCLED while the case awaits a court result. */
  @IsOptional()
  @IsBoolean()
  confirmDisposal?: boolean;

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
