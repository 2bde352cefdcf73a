export { useAuth } from './auth-context';
export { AuthCallbackPage } from './auth-callback-page';
export { RequireAuth } from './require-auth';
