import { OmitType, PartialType } from '@nestjs/swagger';
import type { Covers } from '../../common/record-fields.js';
import type { DevicePatchableField } from '../device-record.js';
import { CreateDeviceDto } from './create-device.dto.js';

// A device stays under its case; custodyStatus moves only by custody events. Send null to clear a field.
export class UpdateDeviceDto extends PartialType(OmitType(CreateDeviceDto, ['caseId'] as const)) {}

// Every field the record table lets PATCH change is in this DTO (a compile error names the one that is not).
const covers: Covers<UpdateDeviceDto, DevicePatchableField> = true;
void covers;
