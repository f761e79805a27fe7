/** The JSON API as the browser calls it: the session cookie, the CSRF token, and errors as thrown `ApiError`s. */
export interface ApiIssue {
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly issues: ApiIssue[], readonly code: string | undefined) {
    super(issues.map((i) => i.message).join(' ') || `Erreur ${status}`);
  }
}

async function failure(response: Response): Promise<ApiError> {
  let body: { errors?: { code?: string; detail?: string; source?: { pointer?: string } }[] } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status alone.
  }
  const issues = (body.errors ?? []).map((e) => ({ pointer: e.source?.pointer ?? '', message: e.detail ?? 'Erreur inattendue.' }));
  if (!issues.length) issues.push({ pointer: '', message: response.status >= 500 ? 'Le serveur n’a pas pu traiter la demande : réessayez dans un instant.' : `La demande a été refusée (${response.status}).` });
  return new ApiError(response.status, issues, body.errors?.[0]?.code);
}

export async function callApi<T>(csrfToken: string, method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken, ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      ...init,
    });
  } catch {
    throw new ApiError(0, [{ pointer: '', message: 'Le serveur est injoignable : vérifiez votre connexion, vos saisies sont conservées dans cette page.' }], 'NETWORK');
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}
