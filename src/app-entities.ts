import { ScopeEntry } from './accreditation/scope-entry.entity.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { ApiToken } from './auth/api-token.entity.js';
import { User } from './auth/user.entity.js';
import { Case } from './cases/case.entity.js';
import { CustodyEvent } from './devices/custody-event.entity.js';
import { Device } from './devices/device.entity.js';
import { Examination } from './examinations/examination.entity.js';
import { FOI_REQUEST_ENTITIES } from './foi-requests/foi-request.entities.js';
import { ReferenceCode } from './reference-data/reference-code.entity.js';
import { PasswordCredential } from './sign-in/password-credential.entity.js';
import { WebSession } from './sign-in/web-session.entity.js';

export const ENTITIES = [
  User,
  ApiToken,
  ReferenceCode,
  AuditEvent,
  Case,
  Device,
  CustodyEvent,
  Examination,
  ScopeEntry,
  PasswordCredential,
  WebSession,
  ...FOI_REQUEST_ENTITIES,
];
