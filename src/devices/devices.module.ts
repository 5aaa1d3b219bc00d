import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { CustodyController } from './custody.controller.js';
import { CustodyEvent } from './custody-event.entity.js';
import { CustodyService } from './custody.service.js';
import { Device } from './device.entity.js';
import { DeviceCodes } from './device-codes.js';
import { DeviceMoveService } from './device-move.service.js';
import { DeviceWriter } from './device-writer.js';
import { DevicesController } from './devices.controller.js';
import { DevicesQueries } from './devices.queries.js';
import { DevicesService } from './devices.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Device, CustodyEvent]), CasesModule],
  controllers: [DevicesController, CustodyController],
  providers: [DevicesService, DevicesQueries, CustodyService, DeviceCodes, DeviceWriter, DeviceMoveService],
  exports: [DevicesService, DevicesQueries, CustodyService],
})
export class DevicesModule {}
