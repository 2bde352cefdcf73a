// oidc-provider for the dev IdP, loaded after its two expected start-up warnings are filtered:
// ES modules run their imports in order, so the filter is installed before oidc-provider loads.
import './oidc-expected-warnings';

export { errors, Provider } from 'oidc-provider';
export type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
