export { AwsFederationSignIn, AWS_FEDERATION_ENDPOINT } from './aws-federation-sign-in';
export type { AwsFederationSignInOptions } from './aws-federation-sign-in';
export { consoleDestinationFor, regionalConsoleOrigin } from './console-destination';
