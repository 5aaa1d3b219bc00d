import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateExaminationDto } from './create-examination.dto.js';

// The device never changes; null clears only the fields that may be empty.
export class UpdateExaminationDto extends PartialType(OmitType(CreateExaminationDto, ['deviceId'] as const), {
  skipNullProperties: false,
}) {}
