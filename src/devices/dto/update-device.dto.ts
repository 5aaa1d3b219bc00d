import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateDeviceDto } from './create-device.dto.js';

// A device stays under its case; custodyStatus moves only by custody events. Send null to clear a field.
export class UpdateDeviceDto extends PartialType(OmitType(CreateDeviceDto, ['caseId'] as const)) {}
