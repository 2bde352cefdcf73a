export { startDevIdp } from './start-dev-idp';
