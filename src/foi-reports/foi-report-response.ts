import type { DeviceTypeScope, FoiReport } from './foi-report.types.js';

export type { DeviceTypeScope };

// The report as served: Q4 always carries the status per device type asked for.
export type FoiReportResponse = FoiReport & {
  q4: FoiReport['q4'] & { byDeviceType: DeviceTypeScope[] };
};
