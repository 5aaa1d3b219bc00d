// MAC addresses arrive as printed on labels or by tools: aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF,
// aabb.ccdd.eeff (Cisco) or aabbccddeeff. One separator style per address; stored AA:BB:CC:DD:EE:FF.
const FORMATS = [
  /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/i,
  /^[0-9A-F]{2}(-[0-9A-F]{2}){5}$/i,
  /^[0-9A-F]{4}(\.[0-9A-F]{4}){2}$/i,
  /^[0-9A-F]{12}$/i,
];

export const NORMALISED_MAC = /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/;

// The normalised address, or null when the text is no MAC address a device could have.
export function normaliseMacAddress(raw: string): string | null {
  const text = raw.trim();
  if (!FORMATS.some((format) => format.test(text))) return null;
  const hex = text.replace(/[:.-]/g, '').toUpperCase();
  // All zeros and the broadcast address are placeholders, not a device's address.
  if (/^0{12}$|^F{12}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}
