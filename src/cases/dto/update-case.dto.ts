import { PartialType } from '@nestjs/swagger';
import { CreateCaseDto } from './create-case.dto.js';

// Every field may change; a corrected reference must still be unique. Send null to clear a field.
export class UpdateCaseDto extends PartialType(CreateCaseDto) {}
