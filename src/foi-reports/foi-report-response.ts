import type { FoiReport, Q4Figures } from './foi-report.types.js';

// Q4 for each device type asked for (for ALL: ALL_DIGITAL, then every type with scope rows of its
// own). The top-level Q4 status fields repeat the first entry, so a one-type report reads as before.
export interface DeviceTypeScope {
  deviceType: string;
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  since: string | null;
  history: Q4Figures<number>['history'];
}

export type FoiReportResponse = FoiReport & {
  q4: FoiReport['q4'] & { byDeviceType: DeviceTypeScope[] };
};
