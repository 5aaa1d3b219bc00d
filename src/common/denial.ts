// Why a request was refused (401, 403, 429), noted on the request by whoever refused it, for the
// security log line and the audit of repeated denials. Never a token, never a name.
export interface Denial {
  /** e.g. no-token, token-unknown, token-expired, token-revoked, user-disabled, ROLE_NOT_ALLOWED. */
  reason: string;
  /** The user, when the request carried a token that names one. */
  userId?: string;
}

const DENIAL = Symbol('denial');

type Noted = { [DENIAL]?: Denial };

export function noteDenial(request: object, denial: Denial): void {
  (request as Noted)[DENIAL] = denial;
}

/** The note, unless something more specific was noted first. */
export function noteDenialIfNone(request: object, denial: Denial): void {
  (request as Noted)[DENIAL] ??= denial;
}

export function denialOf(request: object): Denial | undefined {
  return (request as Noted)[DENIAL];
}
