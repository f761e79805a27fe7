export { createOidcRouter, OidcLoginRefusedError, safeReturnTo } from './oidcRouter.js';
export type { OidcClaims, OidcHooks, OidcLoginContext, OidcLoginResult, OidcLogLevel, OidcRouterOptions } from './oidcRouter.js';
export { oidcSettingsFromEnv, PROCONNECT_SCOPES } from './oidcSettings.js';
export type { OidcSettings } from './oidcSettings.js';
