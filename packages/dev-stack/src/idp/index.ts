export { startDevIdp, type DevIdp, type DevIdpOptions } from './start-dev-idp';
export type { DevIdpClient } from './dev-idp-configuration';
