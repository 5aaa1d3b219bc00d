import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { MeController } from './me.controller.js';
import { TokensService } from './tokens.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController, MeController],
  providers: [TokensService, UsersService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, TokensService],
})
export class AuthModule {}
