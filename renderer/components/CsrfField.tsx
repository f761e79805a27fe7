/** The session's CSRF token, in every HTML form that changes something. */
export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;
