import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class VoidExaminationDto {
  /** Why the examination record was entered in error (1–500 characters). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
