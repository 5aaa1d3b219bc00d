import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from './errors.js';

// A path id that is not a UUID is a 400 naming the parameter.
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationFailedError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
