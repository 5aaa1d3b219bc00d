import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class MoveDeviceDto {
  /** The case the device belongs under (not voided; its exhibit reference must be free there). */
  @IsUUID()
  caseId: string;

  /** Why the device was logged against the wrong case (1–500 characters). */
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
