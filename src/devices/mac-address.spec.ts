import { normaliseMacAddress } from './mac-address.js';

describe('normaliseMacAddress', () => {
  it.each(['aa:bb:cc:dd:ee:0f', 'AA-BB-CC-DD-EE-0F', 'aabb.ccdd.ee0f', 'aabbccddee0f', ' AaBbCcDdEe0F '])(
    'normalises %s to AA:BB:CC:DD:EE:0F',
    (raw) => {
      expect(normaliseMacAddress(raw)).toBe('AA:BB:CC:DD:EE:0F');
    },
  );

  it.each([
    'aa:bb-cc:dd:ee:ff',
    'aa:bb:cc:dd:ee',
    'aa:bb:cc:dd:ee:ff:00',
    'gg:bb:cc:dd:ee:ff',
    'aabb.ccdd.eef',
    'aabbccddeef',
    'a:b:c:d:e:f',
    'aa bb cc dd ee ff',
    '',
  ])('rejects %s', (raw) => {
    expect(normaliseMacAddress(raw)).toBeNull();
  });

  it('rejects the all-zero and broadcast placeholders', () => {
    expect(normaliseMacAddress('00:00:00:00:00:00')).toBeNull();
    expect(normaliseMacAddress('ffffffffffff')).toBeNull();
  });
});
