export { startStsEmulator, type StsEmulator } from './start-sts-emulator';
