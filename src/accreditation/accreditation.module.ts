import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccreditationController } from './accreditation.controller.js';
import { AccreditationService } from './accreditation.service.js';
import { ScopeEntry } from './scope-entry.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ScopeEntry])],
  controllers: [AccreditationController],
  providers: [AccreditationService],
  exports: [AccreditationService],
})
export class AccreditationModule {}
