import type { ApiResponseOptions } from '@nestjs/swagger';

// A file answer (a workbook, a CSV): its media type, binary, sent as an attachment.
export function binaryResponse(mediaType: string, description: string): ApiResponseOptions {
  return {
    description,
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="…"',
        schema: { type: 'string' },
      },
    },
  };
}
