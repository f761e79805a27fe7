/**
 * The platform's address from the environment, without a trailing slash: `PUBLIC_URL`, else this machine on
 * `PORT` (3000 by default). E-mail links, the OIDC redirect and the server's own log all start from it.
 */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`).replace(/\/+$/, '');
}
