import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustodyEvent } from './custody-event.entity.js';
import { Device } from './device.entity.js';
import { DevicesService } from './devices.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Device, CustodyEvent])],
  providers: [DevicesService],
  exports: [DevicesService],
})
export class DevicesModule {}
