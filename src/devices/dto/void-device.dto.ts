import { IsString, Length, Matches } from 'class-validator';

export class VoidDeviceDto {
  /** Why the record was entered in error (1–500 characters). */
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
