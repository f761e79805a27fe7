/** What every page's frame needs: who is signed in, for which organisation, and the CSRF token of forms. */
export interface PageContext {
  user?: { name: string; email: string } | undefined;
  organization?: { id: number; name: string; siret: string } | undefined;
  /** How many organisations the user belongs to: the switch is offered from two. */
  organizationCount?: number;
  csrfToken: string;
  /** The user holds a provider role (instructor, reporter, manager, developer) or is an admin: the desk is in the menu. */
  canInstruct?: boolean;
  /** An admin: the administration space is in the menu. */
  isAdmin?: boolean;
  /** The path of the page, to mark the current navigation item. */
  path: string;
  /** Where « Se déconnecter » posts: the OIDC logout when ProConnect is configured, else the local one. */
  logoutAction: string;
}
