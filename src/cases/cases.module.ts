import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Case } from './case.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Case])],
})
export class CasesModule {}
