import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScopeEntry } from './scope-entry.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ScopeEntry])],
})
export class AccreditationModule {}
