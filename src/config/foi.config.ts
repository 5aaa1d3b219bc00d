import { registerAs } from '@nestjs/config';

// The reason printed under Q5's refusal (FOIA s.17(1)(c)); a force may word its own.
export const DEFAULT_S17_REASON =
  'Disclosing the tools and techniques used to examine seized devices would show offenders which ' +
  'devices and data the police can and cannot examine, and so prejudice current and future ' +
  'investigations and proceedings. Section 30 is a qualified exemption: the public interest in ' +
  'withholding the information outweighs the public interest in disclosing it.';

export const foiConfig = registerAs('foi', () => ({
  // Small-number suppression is on unless FOI_SUPPRESS_BELOW=0 says otherwise.
  suppressBelow: Number(process.env.FOI_SUPPRESS_BELOW || 5),
  timeZone: process.env.REGISTER_TIMEZONE || 'Europe/London',
  forceName: process.env.FORCE_NAME?.trim() || 'This force',
  s17Reason: process.env.FOI_S17_REASON?.trim() || DEFAULT_S17_REASON,
}));
