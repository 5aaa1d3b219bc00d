import { PreconditionFailedError, PreconditionRequiredError } from './errors.js';

// Optimistic concurrency: PATCH needs If-Match: "<version>" taken from the record's ETag.
export function requireVersion(ifMatch: string | undefined, current: number): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new PreconditionRequiredError(
      'IF_MATCH_REQUIRED',
      'Send If-Match with the ETag of the version you are changing.',
    );
  }
  if (ifMatch.trim() === '*') {
    throw new PreconditionRequiredError(
      'IF_MATCH_REQUIRED',
      'If-Match: * does not say which version you read; send the ETag of the version you are changing.',
    );
  }
  // If-Match uses strong comparison (RFC 9110), so a weak W/"n" tag never matches.
  const match = /^"?(\d+)"?$/.exec(ifMatch.trim());
  const expected = match ? Number(match[1]) : NaN;
  if (expected !== current) {
    throw new PreconditionFailedError(
      'VERSION_STALE',
      `The record has changed since you read it (current version ${current}); read it again and retry.`,
    );
  }
  return expected;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
