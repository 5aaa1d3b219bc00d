import { MigrationInterface, QueryRunner } from 'typeorm';
import { type FrozenReferenceRow, putReferenceRows, removeReferenceRows } from './reference-rows.js';

// Device families (data/reference/device-types.json "deviceFamilies" and each type's "family"):
// the rows are written here, never read from the live file, so this migration always does the same.
const FAMILIES: readonly [code: string, label: string, plural: string][] = [
  ['SMART_PLUG', 'Smart plugs (with or without energy monitoring)', 'smart plugs'],
  ['SMART_POWER_STRIP', 'Smart power strips and multi-sockets', 'smart power strips'],
  ['SMART_RELAY_SWITCH', 'Smart relays, in-wall switches and dimmers', 'smart relays and switches'],
  ['SMART_BULB', 'Smart bulbs and lighting', 'smart bulbs'],
  ['SMART_HUB', 'Smart home hubs and bridges', 'smart home hubs'],
  ['VOICE_ASSISTANT', 'Smart speakers and smart displays', 'smart speakers and displays'],
  [
    'CAMERA',
    'Cameras: video doorbells, security cameras, baby and pet monitors',
    'cameras (video doorbells, security cameras and baby monitors)',
  ],
  ['SMART_THERMOSTAT', 'Smart thermostats and heating controllers', 'smart thermostats'],
  ['SMART_LOCK', 'Smart locks', 'smart locks'],
  ['ALARM_SENSOR', 'Alarm panels and sensors', 'alarm panels and sensors'],
  ['SMART_METER_IHD', 'Smart meter in-home displays', 'smart meter in-home displays'],
  ['BLUETOOTH_TRACKER', 'Bluetooth item trackers', 'Bluetooth item trackers'],
  ['WEARABLE', 'Smartwatches and fitness trackers', 'smartwatches and fitness trackers'],
  ['SMART_TV_STREAMER', 'Smart TVs and streaming sticks', 'smart TVs and streaming sticks'],
  ['ROBOT_VACUUM', 'Robot vacuums and smart appliances', 'robot vacuums and smart appliances'],
  ['ROUTER', 'Home routers and mesh Wi-Fi', 'home routers'],
  ['OTHER_IOT', 'Other IoT devices', 'other IoT devices'],
];

// Each device type's category (unchanged) and family.
const TYPES: readonly [code: string, category: string, family: string][] = [
  ['SMART_PLUG', 'power_control', 'SMART_PLUG'],
  ['SMART_PLUG_ENERGY', 'power_control', 'SMART_PLUG'],
  ['SMART_POWER_STRIP', 'power_control', 'SMART_POWER_STRIP'],
  ['SMART_RELAY_SWITCH', 'power_control', 'SMART_RELAY_SWITCH'],
  ['SMART_BULB', 'lighting', 'SMART_BULB'],
  ['SMART_HUB', 'hub', 'SMART_HUB'],
  ['SMART_SPEAKER', 'voice_assistant', 'VOICE_ASSISTANT'],
  ['SMART_DISPLAY', 'voice_assistant', 'VOICE_ASSISTANT'],
  ['VIDEO_DOORBELL', 'camera', 'CAMERA'],
  ['IP_CAMERA', 'camera', 'CAMERA'],
  ['BABY_MONITOR', 'camera', 'CAMERA'],
  ['SMART_THERMOSTAT', 'climate', 'SMART_THERMOSTAT'],
  ['SMART_LOCK', 'access_control', 'SMART_LOCK'],
  ['ALARM_SENSOR', 'security', 'ALARM_SENSOR'],
  ['SMART_METER_IHD', 'energy', 'SMART_METER_IHD'],
  ['BLUETOOTH_TRACKER', 'tracker', 'BLUETOOTH_TRACKER'],
  ['WEARABLE', 'wearable', 'WEARABLE'],
  ['SMART_TV_STREAMER', 'media', 'SMART_TV_STREAMER'],
  ['ROBOT_VACUUM', 'appliance', 'ROBOT_VACUUM'],
  ['ROUTER', 'network', 'ROUTER'],
  ['OTHER_IOT', 'other', 'OTHER_IOT'],
];

export class AddDeviceFamilies1764540000000 implements MigrationInterface {
  name = 'AddDeviceFamilies1764540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const builder = () => queryRunner.manager.createQueryBuilder();
    await putReferenceRows(queryRunner, familyRows());
    // Only the attributes of the device types change (labels and order stay as loaded).
    for (const [code, category, family] of TYPES) {
      await builder()
        .update('reference_codes')
        .set({ attributes: JSON.stringify({ category, family }) })
        .where('list = :list AND code = :code', { list: 'device-types', code })
        .execute();
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const builder = () => queryRunner.manager.createQueryBuilder();
    await removeReferenceRows(queryRunner, familyRows());
    for (const [code, category] of TYPES) {
      await builder()
        .update('reference_codes')
        .set({ attributes: JSON.stringify({ category }) })
        .where('list = :list AND code = :code', { list: 'device-types', code })
        .execute();
    }
  }
}

function familyRows(): FrozenReferenceRow[] {
  return FAMILIES.map(([code, label, plural], sortOrder) => [
    'device-families',
    code,
    label,
    null,
    sortOrder,
    JSON.stringify({ plural }),
  ]);
}
