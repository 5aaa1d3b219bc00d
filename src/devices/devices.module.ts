import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustodyEvent } from './custody-event.entity.js';
import { Device } from './device.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Device, CustodyEvent])],
})
export class DevicesModule {}
