import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import { Device } from './device.entity.js';

@Injectable()
export class DevicesService {
  constructor(@InjectRepository(Device) private readonly devices: Repository<Device>) {}

  // Used by other modules (examinations): the device, voided or not; 404 when unknown.
  async findOne(id: string): Promise<Device> {
    const device = await this.devices.findOneBy({ id });
    if (!device) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
    return device;
  }
}
