export { withoutSdkLogging } from './without-sdk-logging';
