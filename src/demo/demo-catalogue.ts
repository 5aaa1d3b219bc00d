import type { Weighted } from './demo-profiles.js';

// Codes, makes and texts the demo generator draws from (made up, plausible).

// Outcomes of crimes that were not charged (Home Office outcome types).
export const OTHER_OUTCOMES: Weighted<string> = [
  ['3', 6],
  ['2', 2],
  ['7', 4],
  ['8', 8],
  ['10', 3],
  ['14', 10],
  ['15', 14],
  ['16', 12],
  ['18', 12],
  ['20', 2],
  ['21', 6],
  ['22', 2],
];

export const COURT_RESULTS: Weighted<string> = [
  ['GUILTY_PLEA', 62],
  ['CONVICTED_AFTER_TRIAL', 12],
  ['ACQUITTED_AFTER_TRIAL', 6],
  ['DISCONTINUED', 8],
  ['WITHDRAWN', 3],
  ['OFFERED_NO_EVIDENCE', 3],
  ['LIE_ON_FILE', 2],
  ['DISMISSED_NO_CASE', 1],
  ['PROVED_IN_ABSENCE', 1],
  ['ADMIN_FINALISATION', 2],
];

// Court stages in order, with the share of the time to finalisation at which each is reached.
export const COURT_STAGES: readonly (readonly [string, number])[] = [
  ['CHARGED_AWAITING_FIRST_HEARING', 0],
  ['MAGISTRATES_PROCEEDINGS', 0.15],
  ['SENT_TO_CROWN_COURT', 0.35],
  ['AWAITING_TRIAL', 0.5],
  ['TRIAL_IN_PROGRESS', 0.8],
  ['AWAITING_SENTENCE', 0.85],
];

export const MAKES: Record<string, readonly (readonly [string, string, string])[]> = {
  SMART_PLUG: [
    ['TP-Link', 'Tapo P100', 'Tapo'],
    ['TP-Link', 'Kasa HS100', 'Kasa Smart'],
    ['Meross', 'MSS210', 'Meross'],
    ['Hive', 'Active Plug', 'Hive'],
    ['Amazon', 'Smart Plug', 'Amazon Alexa'],
    ['Teckin', 'SP22', 'Smart Life'],
    ['Sonoff', 'S26R2', 'eWeLink'],
  ],
  SMART_PLUG_ENERGY: [
    ['TP-Link', 'Tapo P110', 'Tapo'],
    ['Meross', 'MSS310', 'Meross'],
    ['Shelly', 'Plug S', 'Shelly'],
    ['Sonoff', 'POW R2', 'eWeLink'],
  ],
  SMART_POWER_STRIP: [
    ['TP-Link', 'Kasa HS300', 'Kasa Smart'],
    ['Meross', 'MSS425', 'Meross'],
  ],
  IP_CAMERA: [
    ['Hikvision', 'DS-2CD2143', 'Hik-Connect'],
    ['Reolink', 'E1 Pro', 'Reolink'],
    ['TP-Link', 'Tapo C200', 'Tapo'],
    ['Wyze', 'Cam v3', 'Wyze'],
  ],
  VIDEO_DOORBELL: [
    ['Ring', 'Video Doorbell 4', 'Ring'],
    ['Google', 'Nest Doorbell', 'Google Home'],
    ['Eufy', 'Video Doorbell 2K', 'eufy Security'],
  ],
  BLUETOOTH_TRACKER: [
    ['Apple', 'AirTag', 'Find My'],
    ['Tile', 'Mate', 'Tile'],
    ['Samsung', 'Galaxy SmartTag2', 'SmartThings Find'],
  ],
  SMART_SPEAKER: [
    ['Amazon', 'Echo Dot (5th gen)', 'Amazon Alexa'],
    ['Google', 'Nest Mini', 'Google Home'],
    ['Sonos', 'One', 'Sonos'],
  ],
  WEARABLE: [
    ['Fitbit', 'Charge 5', 'Fitbit'],
    ['Garmin', 'Forerunner 55', 'Garmin Connect'],
    ['Apple', 'Watch SE', 'Watch'],
  ],
  ROUTER: [
    ['BT', 'Smart Hub 2', 'My BT'],
    ['Virgin Media', 'Hub 4', 'Connect'],
    ['TP-Link', 'Archer AX55', 'Tether'],
  ],
};

export const GENERIC_MAKES: readonly (readonly [string, string, string])[] = [
  ['Generic', 'Model A', 'Smart Life'],
  ['Xiaomi', 'Mi Series', 'Mi Home'],
  ['Philips', 'Hue', 'Hue'],
  ['Samsung', 'SmartThings', 'SmartThings'],
];

// Restricted fields (lab only; never in FOI output): the demo fills them so leaks would show.
export const METHODS: readonly string[] = [
  'Chip-off of SPI NOR flash; firmware image parsed for schedule and cloud token',
  'UART console access; JFFS2 file system extracted and analysed',
  'Companion app data acquired from the seized handset; vendor cloud production order',
  'Logical extraction over the local API; energy log export',
  'JTAG memory acquisition; configuration partition analysed',
];

export const FINDINGS: readonly string[] = [
  'On/off schedule consistent with a 12/12 lighting cycle',
  'Continuous high load recorded over the period of interest',
  'Device paired to an account linked to the suspect',
  'No user data recovered',
  'Event log shows remote commands at relevant times',
];
