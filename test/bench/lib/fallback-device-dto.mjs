// A device-create DTO written in plain JavaScript (decorators applied by hand), used by the bare-limit
// route only when the app's compiled CreateDeviceDto cannot be loaded. Same kind of rules as the API.
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

export function fallbackDeviceDto() {
  class CreateDeviceDto {}
  const p = CreateDeviceDto.prototype;
  const apply = (prop, ...decorators) => decorators.forEach((d) => d(p, prop));
  apply('caseId', IsUUID());
  apply('exhibitRef', IsString(), Length(1, 30));
  apply('deviceType', IsString(), Length(1, 40));
  for (const [prop, max] of [
    ['make', 100],
    ['model', 100],
    ['serialNumber', 100],
    ['firmwareVersion', 50],
    ['seizureLocation', 500],
    ['companionApp', 100],
    ['cloudAccountIdentifier', 200],
  ]) {
    apply(prop, IsOptional(), IsString(), MaxLength(max));
  }
  apply('macAddress', IsOptional(), Matches(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/));
  apply('seizedAt', IsISO8601({ strict: true, strictSeparator: true }));
  apply('seizedBy', IsString(), Length(1, 50));
  apply('powerStateAtSeizure', IsOptional(), IsIn(['ON', 'OFF', 'UNKNOWN']));
  apply('photographedInSitu', IsOptional(), IsBoolean());
  apply('networkIsolated', IsOptional(), IsBoolean());
  apply('evidentialUse', IsOptional(), IsString());
  return CreateDeviceDto;
}
