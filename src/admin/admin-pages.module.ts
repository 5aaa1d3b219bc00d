import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { AdminPagesController } from './admin.pages.controller.js';

@Module({
  imports: [AuthModule, AuditModule, SignInModule],
  providers: [AdminPagesController],
})
export class AdminPagesModule {}
