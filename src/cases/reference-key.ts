// A case reference as uniqueness compares it: CR/123/25 and cr/123/25 are the same case. Stored in
// cases.referenceKey (unique index), so the check and the import's lookup are index searches.
// Up to 100 characters: lower-casing may lengthen a reference ("İ" becomes "i̇").
export const REFERENCE_KEY_LENGTH = 100;

export function referenceKeyOf(reference: string): string {
  return reference.trim().toLowerCase();
}
