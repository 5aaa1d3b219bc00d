import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CASE_KINDS, CaseFields, checkCase } from '../cases/case-rules.js';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { referenceKeyOf } from '../cases/reference-key.js';
import type { FieldError } from '../common/errors.js';
import { toFieldErrors } from '../common/validation.js';
import { FieldVerdicts } from './field-verdicts.js';
import { CASE_FIELD_RULES, CASE_TEMPLATE, quickCase } from './quick-checks.js';
import type { CaseValues, ParsedRow, RowContext } from './row-values.js';

const VALIDATE = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
const REQUIRED = ['reference', 'kind'];

type AddProblems = (row: ParsedRow, errors: FieldError[]) => number;

const orNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

// The API's checks for POST /api/cases, on the first row of each case: the DTO, then the offence,
// incident and court rules, in one pass (the rules run on the cells the DTO accepted too, so a row's
// errors never come back in rounds). A row past the listed errors is checked field by field and counted.
export class CaseCheck {
  private readonly verdicts = new FieldVerdicts(CreateCaseDto, CASE_TEMPLATE, CASE_FIELD_RULES);

  constructor(
    private readonly ctx: RowContext,
    private readonly addProblems: AddProblems,
  ) {}

  check(row: ParsedRow, listing: boolean): CaseValues | null {
    const input = { ...row.caseInput };
    if (input.kind === undefined) {
      // No kind given: an offence makes it a crime, an incident category alone an incident.
      if (input.offenceSubgroup !== undefined || input.homeOfficeCode !== undefined) input.kind = 'CRIME';
      else if (input.incidentCategory !== undefined) input.kind = 'INCIDENT';
    }
    delete input.offenceGroup;
    const problems: FieldError[] = [];
    if (!quickCase(input)) {
      if (listing) {
        problems.push(...toFieldErrors(validateSync(plainToInstance(CreateCaseDto, input), VALIDATE) as ValidationError[]));
      } else {
        for (const field of new Set([...REQUIRED, ...Object.keys(input)])) {
          const value = input[field];
          if (value === undefined ? REQUIRED.includes(field) : this.verdicts.refuses(field, value)) {
            problems.push({ field, message: '' });
          }
        }
      }
    }
    const refused = new Set(problems.map((p) => p.field));
    if (!(CASE_KINDS as readonly unknown[]).includes(input.kind)) {
      this.addProblems(row, problems);
      return null;
    }
    const fields: CaseFields = {
      kind: input.kind as CaseFields['kind'],
      offenceSubgroup: orNull(input.offenceSubgroup),
      homeOfficeCode: orNull(input.homeOfficeCode),
      incidentCategory: orNull(input.incidentCategory),
      policeOutcome: orNull(input.policeOutcome),
      courtStage: orNull(input.courtStage),
      courtResult: orNull(input.courtResult),
      courtResultAt: orNull(input.courtResultAt),
      policingArea: orNull(input.policingArea),
    };
    const check = checkCase(fields, this.ctx.reference, this.ctx.today);
    for (const problem of [...check.invalid, ...check.violations]) {
      if (!refused.has(problem.field)) problems.push(problem);
    }
    if (this.addProblems(row, problems) > 0) return null;
    const reference = input.reference as string;
    return { reference, referenceKey: referenceKeyOf(reference), ...fields, ...check.derived };
  }
}
