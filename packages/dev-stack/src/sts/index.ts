export { startStsEmulator, type StsEmulator, type StsEmulatorOptions } from './start-sts-emulator';
export type { StsConfig } from './role-catalog';
