import { base, en, en_GB, Faker } from '@faker-js/faker';

// The generator's only source of randomness: one seeded faker, so a seed gives the same register.
export class DemoRandom {
  readonly faker: Faker;
  private counter = 1;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [en_GB, en, base] });
    this.faker.seed(seed);
  }

  // Uniform in [0, 1).
  next(): number {
    return this.faker.number.float();
  }

  // Whole number in [min, max], both included.
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  // Exponential with the given mean (waiting times).
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  // A version-4 UUID drawn from the seeded stream, so ids repeat with the seed too.
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    const variant = (8 + this.int(0, 3)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(6)}${hex(6)}`;
  }

  // Like uuid(), but the first 12 hex digits count up: inserts land at the end of the primary-key
  // index, which keeps bulk loading fast. Still unique, still repeatable.
  sequentialUuid(): string {
    const counter = (this.counter++).toString(16).padStart(12, '0');
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    return `${counter.slice(0, 8)}-${counter.slice(8)}-4${hex(3)}-a${hex(3)}-${hex(6)}${hex(6)}`;
  }

  hexString(length: number): string {
    let out = '';
    while (out.length < length)
      out += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return out.slice(0, length).toUpperCase();
  }
}
