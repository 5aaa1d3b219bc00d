// The force property system's item number, as stored and searched: trimmed, upper-cased.
export const normalisePropertyReference = (raw: string): string => raw.trim().toUpperCase();
