import { Role } from '../role.enum.js';

// A *.dto.ts file, so the @nestjs/swagger plugin documents its properties.
export class MeResponseDto {
  id: string;
  name: string;
  role: Role;
  /** The token this request came with. */
  tokenId: string | null;
  /** When that token stops working. */
  tokenExpiresAt: string | null;
}
