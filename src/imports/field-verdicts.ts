import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

// Past the errors the answer lists, a bad row is only counted: what matters is which of its cells
// class-validator would refuse, not with which words. Asking class-validator for every such row made a
// million bad rows cost minutes; the quick checks (the DTO's decorators, precompiled) answer instead,
// and class-validator is asked only where they might disagree with it. field-verdicts.spec.ts holds
// the answers to class-validator's, field by field.

export interface FieldRule {
  /** The DTO's transform for text (its result checked instead; null: class-validator is asked). */
  normalise?: (raw: string) => string | null;
  quick?: (value: unknown) => boolean;
  /** quick's "no" is class-validator's "no" for any value but text with surrogate pairs or variation
   * selectors (class-validator's lengths count those differently). */
  exact: boolean;
}

// Characters for which class-validator's lengths and a length in code units differ.
const UNEVEN = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;
const VERDICTS_KEPT = 10_000;
const VALUE_KEPT_CHARS = 200;
const VALIDATE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

export class FieldVerdicts {
  private readonly asked = new Map<string, boolean>();

  /** `template`: a body class-validator accepts whole; a field is checked in it, the others good. */
  constructor(
    private readonly dto: ClassConstructor<object>,
    private readonly template: Record<string, unknown>,
    private readonly rules: Readonly<Record<string, FieldRule>>,
  ) {}

  /** Whether class-validator refuses this value for this field. */
  refuses(field: string, value: unknown): boolean {
    const rule = this.rules[field];
    if (rule) {
      let checked = value;
      let sure = rule.exact;
      if (rule.normalise) {
        checked = typeof value === 'string' ? rule.normalise(value) : null;
        if (checked === null) sure = false;
      }
      if (checked !== null && rule.quick?.(checked)) return false;
      if (sure && !(typeof value === 'string' && UNEVEN.test(value))) return true;
    }
    return this.ask(field, value);
  }

  // class-validator on the template with this one value; the answers for short values are kept.
  private ask(field: string, value: unknown): boolean {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const key = text.length <= VALUE_KEPT_CHARS ? `${field}\u0000${typeof value}\u0000${text}` : null;
    const known = key === null ? undefined : this.asked.get(key);
    if (known !== undefined) return known;
    const instance = plainToInstance(this.dto, { ...this.template, [field]: value });
    const refused = validateSync(instance, VALIDATE).some((e) => e.property === field);
    if (key !== null) {
      if (this.asked.size >= VERDICTS_KEPT) this.asked.clear();
      this.asked.set(key, refused);
    }
    return refused;
  }
}
