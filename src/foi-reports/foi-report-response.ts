import type { DeviceTypeScope, FoiReport } from './foi-report.types.js';

export type { DeviceTypeScope };

// The report as served: Q4 always carries the status per device type asked for, and for the first
// type the status on the window's last day and the history within the window.
export type FoiReportResponse = FoiReport & {
  q4: FoiReport['q4'] &
    Pick<DeviceTypeScope, 'atWindowEnd' | 'historyInWindow'> & { byDeviceType: DeviceTypeScope[] };
};
