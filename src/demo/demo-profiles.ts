// Case profiles of the demo register: plausible, made-up proportions for a UK force's seized IoT
// devices. Smart plugs come mostly from cannabis grows (timers and load), then stalking and burglary.

export type Weighted<T> = readonly (readonly [T, number])[];

export interface CrimeClass {
  kind: 'CRIME';
  offenceSubgroup: string | null;
  homeOfficeCode: string | null;
}

export interface IncidentClass {
  kind: 'INCIDENT';
  incidentCategory: string;
}

export interface CaseProfile {
  name: string;
  classes: Weighted<CrimeClass | IncidentClass>;
  devices: Weighted<string>;
  // Devices per case: minBase + exponential(extraMean), capped.
  minDevices: number;
  extraMean: number;
  maxDevices: number;
  examineShare: number;
  chargeShare: number;
  servedShare: number;
}

const crime = (offenceSubgroup: string | null, homeOfficeCode: string | null = null): CrimeClass => ({
  kind: 'CRIME',
  offenceSubgroup,
  homeOfficeCode,
});
const incident = (incidentCategory: string): IncidentClass => ({ kind: 'INCIDENT', incidentCategory });

export const CASE_PROFILES: Weighted<CaseProfile> = [
  [
    {
      name: 'cannabis cultivation',
      classes: [[crime('DRUG_TRAFFICKING', '92A'), 1]],
      devices: [
        ['SMART_PLUG', 70],
        ['SMART_PLUG_ENERGY', 10],
        ['SMART_POWER_STRIP', 8],
        ['IP_CAMERA', 6],
        ['ROUTER', 3],
        ['SMART_RELAY_SWITCH', 3],
      ],
      minDevices: 3,
      extraMean: 6,
      maxDevices: 24,
      examineShare: 0.2,
      chargeShare: 0.5,
      servedShare: 0.3,
    },
    28,
  ],
  [
    {
      name: 'drug possession',
      classes: [
        [crime('DRUG_POSSESSION', '92D'), 3],
        [crime('DRUG_POSSESSION', '92E'), 1],
      ],
      devices: [
        ['SMART_PLUG', 30],
        ['SMART_SPEAKER', 20],
        ['ROUTER', 20],
        ['IP_CAMERA', 30],
      ],
      minDevices: 1,
      extraMean: 0.5,
      maxDevices: 3,
      examineShare: 0.25,
      chargeShare: 0.3,
      servedShare: 0.2,
    },
    4,
  ],
  [
    {
      name: 'stalking and harassment',
      classes: [
        [crime('VAP_STALKING_HARASSMENT', '8Q'), 40],
        [crime('VAP_STALKING_HARASSMENT', '8R'), 25],
        [crime('VAP_STALKING_HARASSMENT', '8L'), 20],
        [crime('VAP_STALKING_HARASSMENT', '8M'), 10],
        [crime('VAP_STALKING_HARASSMENT', '8U'), 5],
      ],
      devices: [
        ['BLUETOOTH_TRACKER', 35],
        ['SMART_PLUG', 15],
        ['IP_CAMERA', 15],
        ['SMART_SPEAKER', 10],
        ['WEARABLE', 10],
        ['SMART_HUB', 5],
        ['SMART_LOCK', 5],
        ['SMART_THERMOSTAT', 5],
      ],
      minDevices: 1,
      extraMean: 0.8,
      maxDevices: 5,
      examineShare: 0.7,
      chargeShare: 0.35,
      servedShare: 0.55,
    },
    12,
  ],
  [
    {
      name: 'residential burglary',
      classes: [
        [crime('THEFT_BURGLARY_RES', '28E'), 40],
        [crime('THEFT_BURGLARY_RES', '28F'), 30],
        [crime('THEFT_BURGLARY_RES', '28G'), 20],
        [crime('THEFT_BURGLARY_RES', '28H'), 10],
      ],
      devices: [
        ['VIDEO_DOORBELL', 35],
        ['IP_CAMERA', 30],
        ['ALARM_SENSOR', 15],
        ['SMART_LOCK', 10],
        ['SMART_PLUG', 10],
      ],
      minDevices: 1,
      extraMean: 0.5,
      maxDevices: 4,
      examineShare: 0.55,
      chargeShare: 0.2,
      servedShare: 0.45,
    },
    15,
  ],
  [
    {
      name: 'violence with injury',
      classes: [
        [crime('VAP_WITH_INJURY', '8N'), 70],
        [crime('VAP_WITH_INJURY', '5E'), 20],
        [crime('VAP_WITH_INJURY', '2'), 10],
      ],
      devices: [
        ['SMART_SPEAKER', 25],
        ['VIDEO_DOORBELL', 20],
        ['IP_CAMERA', 20],
        ['WEARABLE', 15],
        ['SMART_DISPLAY', 10],
        ['SMART_PLUG', 10],
      ],
      minDevices: 1,
      extraMean: 0.7,
      maxDevices: 4,
      examineShare: 0.6,
      chargeShare: 0.3,
      servedShare: 0.4,
    },
    9,
  ],
  [
    {
      name: 'other crime',
      classes: [
        [crime('CMA_HACKING', 'NFIB52A'), 25],
        [crime('FRAUD_ACTION_FRAUD', 'NFIB5A'), 25],
        [crime('CDA_DAMAGE', '58A'), 25],
        [crime('SEX_OTHER', '88D'), 25],
      ],
      devices: [
        ['ROUTER', 25],
        ['IP_CAMERA', 20],
        ['SMART_TV_STREAMER', 10],
        ['SMART_HUB', 10],
        ['SMART_PLUG', 10],
        ['OTHER_IOT', 10],
        ['BABY_MONITOR', 5],
        ['ROBOT_VACUUM', 5],
        ['SMART_BULB', 5],
      ],
      minDevices: 1,
      extraMean: 0.6,
      maxDevices: 4,
      examineShare: 0.5,
      chargeShare: 0.25,
      servedShare: 0.35,
    },
    10,
  ],
  [
    {
      name: 'non-crime incident',
      classes: [
        [incident('MISSING_PERSON'), 30],
        [incident('SUDDEN_DEATH'), 20],
        [incident('CONCERN_FOR_SAFETY'), 20],
        [incident('DOMESTIC_INCIDENT'), 20],
        [incident('SUSPICIOUS_CIRCUMSTANCES'), 10],
      ],
      devices: [
        ['WEARABLE', 25],
        ['SMART_SPEAKER', 20],
        ['SMART_PLUG', 15],
        ['VIDEO_DOORBELL', 15],
        ['SMART_DISPLAY', 10],
        ['SMART_THERMOSTAT', 5],
        ['SMART_METER_IHD', 5],
        ['SMART_BULB', 5],
      ],
      minDevices: 1,
      extraMean: 0.6,
      maxDevices: 4,
      examineShare: 0.35,
      chargeShare: 0,
      servedShare: 0,
    },
    19,
  ],
  [
    {
      name: 'crime not yet classified',
      classes: [[crime(null), 1]],
      devices: [
        ['SMART_PLUG', 40],
        ['IP_CAMERA', 30],
        ['ROUTER', 30],
      ],
      minDevices: 1,
      extraMean: 1,
      maxDevices: 5,
      examineShare: 0.3,
      chargeShare: 0,
      servedShare: 0,
    },
    3,
  ],
];
