import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Examination } from './examination.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Examination])],
})
export class ExaminationsModule {}
