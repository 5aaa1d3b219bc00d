import { OmitType } from '@nestjs/swagger';
import { DeviceQueryDto } from '../../devices/dto/device-query.dto.js';

// The device list's filters, without paging: the export holds every matching device.
export class DeviceExportQueryDto extends OmitType(DeviceQueryDto, ['limit', 'offset'] as const) {}
