export {
  StsCredentialIssuer,
  STS_ISSUER_DEFAULTS,
  regionalStsEndpoint,
} from './sts-credential-issuer';
export type { StsAttempt, StsCredentialIssuerOptions } from './sts-credential-issuer';
export { classifyStsError } from './classify-sts-error';
export type { StsErrorClass } from './classify-sts-error';
