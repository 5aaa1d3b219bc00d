import { CreateRegisterTables1764400000000 } from './1764400000000-CreateRegisterTables.js';
import { LoadReferenceData1764400001000 } from './1764400001000-LoadReferenceData.js';
import { AddScopeEntryLineKey1764402000000 } from './1764402000000-AddScopeEntryLineKey.js';
import { MakeAuditEventsAppendOnly1764404000000 } from './1764404000000-MakeAuditEventsAppendOnly.js';
import { AddFoiCoveringIndexes1764406000000 } from './1764406000000-AddFoiCoveringIndexes.js';
import { AddFoiLookupIndexes1764406100000 } from './1764406100000-AddFoiLookupIndexes.js';
import { AddCaseReferenceKey1764408000000 } from './1764408000000-AddCaseReferenceKey.js';
import { CopyFoiFields1764408100000 } from './1764408100000-CopyFoiFields.js';
import { AddDevicesVoidedIndex1764408200000 } from './1764408200000-AddDevicesVoidedIndex.js';
import { CopyFoiCaseKey1764408300000 } from './1764408300000-CopyFoiCaseKey.js';
import { AddDevicePropertyReference1764500000000 } from './1764500000000-AddDevicePropertyReference.js';
import { AddExaminationToolsUsed1764500001000 } from './1764500001000-AddExaminationToolsUsed.js';
import { AddSignIn1764530000000 } from './1764530000000-AddSignIn.js';
import { AddDeviceFamilies1764540000000 } from './1764540000000-AddDeviceFamilies.js';
import { CreateFoiRequestTables1764541000000 } from './1764541000000-CreateFoiRequestTables.js';
import { AddPolicingArea1764550000000 } from './1764550000000-AddPolicingArea.js';
import { AddFoiCountIndexes1764550001000 } from './1764550001000-AddFoiCountIndexes.js';
import { CustodyCorrections1764560000000 } from './1764560000000-CustodyCorrections.js';
import { ScopeAtBothEnds1764560100000 } from './1764560100000-ScopeAtBothEnds.js';
import { DeviceSearch1764560200000 } from './1764560200000-DeviceSearch.js';
import { AddPageListIndexes1764640000000 } from './1764640000000-AddPageListIndexes.js';

// Listed explicitly (not globbed) so the app, the CLI and the tests run the same set, in order.
export const MIGRATIONS = [
  CreateRegisterTables1764400000000,
  LoadReferenceData1764400001000,
  AddScopeEntryLineKey1764402000000,
  MakeAuditEventsAppendOnly1764404000000,
  AddFoiCoveringIndexes1764406000000,
  AddFoiLookupIndexes1764406100000,
  AddCaseReferenceKey1764408000000,
  CopyFoiFields1764408100000,
  AddDevicesVoidedIndex1764408200000,
  CopyFoiCaseKey1764408300000,
  AddDevicePropertyReference1764500000000,
  AddExaminationToolsUsed1764500001000,
  AddSignIn1764530000000,
  AddDeviceFamilies1764540000000,
  CreateFoiRequestTables1764541000000,
  AddPolicingArea1764550000000,
  AddFoiCountIndexes1764550001000,
  CustodyCorrections1764560000000,
  ScopeAtBothEnds1764560100000,
  DeviceSearch1764560200000,
  AddPageListIndexes1764640000000,
];
