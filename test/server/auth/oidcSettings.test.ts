import { strict as assert } from 'node:assert';

import { oidcSettingsFromEnv, PROCONNECT_SCOPES } from '../../../server/auth/oidc/index.js';

const PROCONNECT = {
  OIDC_ISSUER: 'https://fca.integ01.dev-agentconnect.fr/api/v2',
  OIDC_CLIENT_ID: 'client-id',
  OIDC_CLIENT_SECRET: 'client-secret',
};

describe('server/auth/oidc: oidcSettingsFromEnv', () => {
  it('is undefined when OIDC is not configured', () => {
    assert.equal(oidcSettingsFromEnv({}), undefined);
    assert.equal(oidcSettingsFromEnv({ OIDC_ISSUER: '', OIDC_SCOPES: 'openid', PUBLIC_URL: 'https://datapass.example' }), undefined);
  });

  it('defaults to the ProConnect scopes and to PUBLIC_URL/auth/oidc/callback', () => {
    assert.deepEqual(oidcSettingsFromEnv(PROCONNECT), {
      issuer: PROCONNECT.OIDC_ISSUER,
      clientId: 'client-id',
      clientSecret: 'client-secret',
      redirectUri: 'http://localhost:3000/auth/oidc/callback',
      scopes: ['openid', 'email', 'given_name', 'usual_name', 'siret', 'phone', 'uid', 'idp_id'],
    });
    assert.deepEqual(PROCONNECT_SCOPES, oidcSettingsFromEnv(PROCONNECT)?.scopes);
    assert.equal(oidcSettingsFromEnv({ ...PROCONNECT, PORT: '8080' })?.redirectUri, 'http://localhost:8080/auth/oidc/callback', 'without PUBLIC_URL, the port the server listens on');
    assert.equal(oidcSettingsFromEnv({ ...PROCONNECT, PUBLIC_URL: 'https://datapass.example/' })?.redirectUri, 'https://datapass.example/auth/oidc/callback');
  });

  it('reads every variable', () => {
    const settings = oidcSettingsFromEnv({
      ...PROCONNECT,
      OIDC_REDIRECT_URI: 'https://datapass.example/auth/oidc/callback',
      OIDC_POST_LOGOUT_REDIRECT_URI: 'https://datapass.example/',
      OIDC_SCOPES: 'openid email, siret',
    });
    assert.equal(settings?.redirectUri, 'https://datapass.example/auth/oidc/callback');
    assert.equal(settings?.postLogoutRedirectUri, 'https://datapass.example/');
    assert.deepEqual(settings?.scopes, ['openid', 'email', 'siret']);
    assert.equal(settings?.allowInsecureHttp, undefined);
  });

  it('names the missing variables when only some are set', () => {
    assert.throws(() => oidcSettingsFromEnv({ OIDC_ISSUER: PROCONNECT.OIDC_ISSUER }), (error: Error) => {
      assert.match(error.message, /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are not set/);
      return true;
    });
    assert.throws(() => oidcSettingsFromEnv({ OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }), /OIDC_ISSUER is not set/);
  });

  it('refuses an http issuer unless OIDC_ALLOW_INSECURE_HTTP, bad URLs and scopes without openid', () => {
    const local = { ...PROCONNECT, OIDC_ISSUER: 'http://127.0.0.1:4000' };
    assert.throws(() => oidcSettingsFromEnv(local), /OIDC_ISSUER uses http:.*OIDC_ALLOW_INSECURE_HTTP=true/);
    assert.equal(oidcSettingsFromEnv({ ...local, OIDC_ALLOW_INSECURE_HTTP: 'true' })?.allowInsecureHttp, true);
    assert.throws(() => oidcSettingsFromEnv({ ...PROCONNECT, OIDC_ISSUER: 'fca.gouv.fr' }), /OIDC_ISSUER is not an absolute URL/);
    assert.throws(() => oidcSettingsFromEnv({ ...PROCONNECT, OIDC_REDIRECT_URI: '/auth/oidc/callback' }), /OIDC_REDIRECT_URI is not an absolute URL/);
    assert.throws(() => oidcSettingsFromEnv({ ...PROCONNECT, OIDC_SCOPES: 'email siret' }), /OIDC_SCOPES must include "openid"/);
  });
});
