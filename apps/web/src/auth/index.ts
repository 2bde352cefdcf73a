export { AuthProvider, type AuthProviderProps } from './auth-provider';
export {
  useAuth,
  type AuthContextValue,
  type AuthStatus,
  type AuthTokens,
  type AuthUser,
} from './auth-context';
export { AuthCallbackPage } from './auth-callback-page';
export { RequireAuth, type RequireAuthProps } from './require-auth';
export { createUserManager } from './user-manager';
export { SignInFailedAlert } from './sign-in-failed-alert';
