import { registerAs } from '@nestjs/config';

export const foiConfig = registerAs('foi', () => ({
  suppressBelow: Number(process.env.FOI_SUPPRESS_BELOW || 0),
  timeZone: process.env.REGISTER_TIMEZONE || 'Europe/London',
}));
