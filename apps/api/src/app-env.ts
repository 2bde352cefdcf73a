import type { VerifiedIdentity } from '@elevate/adapters';
import type { Logger } from './logger';

/** What every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    correlationId: string;
    /** The app logger with this request's correlation id. */
    logger: Logger;
    /** The error code a failed request was answered with, for the request log. */
    errorCode?: string;
    /** Set when the caller had gone before the answer: nobody reads it, nothing to alarm on. */
    callerGone?: boolean;
  };
}

/** Routes behind authentication also see who is calling. Handlers never see a token. */
export interface AuthedEnv {
  Variables: AppEnv['Variables'] & { actor: VerifiedIdentity };
}
