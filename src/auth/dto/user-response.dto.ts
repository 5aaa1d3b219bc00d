import { ApiProperty } from '@nestjs/swagger';
import { ApiToken } from '../api-token.entity.js';
import { Role } from '../role.enum.js';
import { User } from '../user.entity.js';

export class UserResponseDto {
  id: string;
  name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

export class CreatedUserResponseDto extends UserResponseDto {
  /** The bearer token: shown once, stored only as a hash. */
  token: string;
  tokenId: string;
  /** When the token stops working (TOKEN_LIFETIME_DAYS after it was issued). */
  tokenExpiresAt: string;
}

export class TokenResponseDto {
  id: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export class IssuedTokenResponseDto {
  /** The bearer token: shown once, stored only as a hash. */
  token: string;
  tokenId: string;
  expiresAt: string | null;
}

export function toUserResponse(user: User): UserResponseDto {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
  };
}

export function toTokenResponse(token: ApiToken): TokenResponseDto {
  return {
    id: token.id,
    label: token.label,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
  };
}

export class UserPageDto {
  items: UserResponseDto[];
  total: number;
  limit: number;
  offset: number;
}
