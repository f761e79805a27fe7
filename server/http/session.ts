import 'express-session';

/** What a signed-in session holds (stored in the database's `sessions` table). */
declare module 'express-session' {
  interface SessionData {
    /** The signed-in user. */
    userId?: string;
    /** The organisation the user currently acts for. */
    organizationId?: string;
    /** An OpenID Connect sign-in in progress: what the callback must find again. */
    oidc?: { state: string; nonce: string; codeVerifier: string; returnTo?: string };
    /** The ID token of the OIDC sign-in, for the provider's logout. */
    idToken?: string;
    /** The synchronizer token every state-changing request must send back (`x-csrf-token` or `_csrf`). */
    csrfToken?: string;
  }
}

export {};
