import { publicUrlFromEnv } from '../../publicUrl.js';

/** How the platform signs users in with an OpenID Connect provider (ProConnect in production). */
export interface OidcSettings {
  /** The provider's issuer identifier, e.g. `https://auth.agentconnect.gouv.fr/api/v2`; its discovery document is read from there. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the user back: this app's `/auth/oidc/callback`, as registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the user after its own logout; as registered at the provider. */
  postLogoutRedirectUri?: string;
  /** The scopes asked for; `openid` is always among them. */
  scopes: string[];
  /** Allows an `http:` issuer (a local provider in development or tests). Never in production. */
  allowInsecureHttp?: boolean;
}

/** The scopes ProConnect offers: the identity it vouches for, the user's organisation (`siret`) and which identity provider was used. */
export const PROCONNECT_SCOPES: readonly string[] = ['openid', 'email', 'given_name', 'usual_name', 'siret', 'phone', 'uid', 'idp_id'];

const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/**
 * The OIDC settings from the environment:
 * - `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`: required together;
 * - `OIDC_REDIRECT_URI`: default `${PUBLIC_URL}/auth/oidc/callback` (`PUBLIC_URL` default `http://localhost:$PORT`);
 * - `OIDC_SCOPES`: space- or comma-separated, default the ProConnect scopes;
 * - `OIDC_POST_LOGOUT_REDIRECT_URI`: optional;
 * - `OIDC_ALLOW_INSECURE_HTTP=true`: accept an `http:` issuer (development only).
 *
 * Returns `undefined` when none of the three required variables is set (OIDC sign-in disabled) and throws an
 * error naming the missing or invalid variables when the configuration is partial or wrong.
 */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const missing = REQUIRED.filter((name) => get(name) === undefined);
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) {
    throw new Error(
      `OIDC configuration incomplete: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set ` +
        `(OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together; unset them all to disable OIDC sign-in).`,
    );
  }

  const allowInsecureHttp = /^(1|true|yes)$/i.test(get('OIDC_ALLOW_INSECURE_HTTP') ?? '');
  const publicUrl = publicUrlFromEnv(env);
  const issuer = get('OIDC_ISSUER')!;
  const redirectUri = get('OIDC_REDIRECT_URI') ?? `${publicUrl}/auth/oidc/callback`;
  const postLogoutRedirectUri = get('OIDC_POST_LOGOUT_REDIRECT_URI');
  const scopesVar = get('OIDC_SCOPES');
  const scopes = scopesVar ? scopesVar.split(/[\s,]+/).filter(Boolean) : [...PROCONNECT_SCOPES];

  const problems: string[] = [];
  const checkUrl = (name: string, value: string, httpAllowed: boolean) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${name} is not an absolute URL: "${value}"`);
      return;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
      problems.push(
        url.protocol === 'http:'
          ? `${name} uses http: ("${value}"); use https:, or set OIDC_ALLOW_INSECURE_HTTP=true for a local provider (development only)`
          : `${name} must be an http(s) URL: "${value}"`,
      );
    }
  };
  checkUrl('OIDC_ISSUER', issuer, allowInsecureHttp);
  // The app itself may well run on http://localhost in development: only the provider needs the opt-in.
  checkUrl(env.OIDC_REDIRECT_URI?.trim() ? 'OIDC_REDIRECT_URI' : 'PUBLIC_URL', redirectUri, true);
  if (postLogoutRedirectUri !== undefined) checkUrl('OIDC_POST_LOGOUT_REDIRECT_URI', postLogoutRedirectUri, true);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES must include "openid" (got "${scopesVar}")`);
  if (problems.length > 0) throw new Error(`OIDC configuration invalid: ${problems.join('; ')}.`);

  return {
    issuer,
    clientId: get('OIDC_CLIENT_ID')!,
    clientSecret: get('OIDC_CLIENT_SECRET')!,
    redirectUri,
    ...(postLogoutRedirectUri !== undefined ? { postLogoutRedirectUri } : {}),
    scopes,
    ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
  };
}
