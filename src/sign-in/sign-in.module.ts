import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CredentialsService } from './credentials.service.js';
import { SessionsService } from './sessions.service.js';
import { signInConfig } from './sign-in.config.js';
import { SignInPagesController } from './sign-in.pages.controller.js';

// Usernames, passwords and page sessions (the API's bearer tokens stay in auth/).
@Module({
  imports: [ConfigModule.forFeature(signInConfig)],
  providers: [CredentialsService, SessionsService, SignInPagesController],
  exports: [CredentialsService, SessionsService, ConfigModule],
})
export class SignInModule {}
