import { IsString, Length, Matches } from 'class-validator';

export class VoidCustodyEventDto {
  /** Why the event was entered in error (1–500 characters), e.g. "duplicate of the 11:40 booking". */
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
