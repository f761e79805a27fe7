import type { ScopeGroup } from '../../engine/index.js';

/** A file the server keeps: what the request data stores instead of the file's content. */
export interface DocumentReference {
  id: string;
  filename: string;
  content_type: string;
  size: number;
}

/** The signed-in user, who may fill a contact card with « C'est moi ». */
export interface CurrentUser {
  given_name: string;
  family_name: string;
  email: string;
  phone_number?: string;
  job_title?: string;
}

/** What the page knows beyond the schema, handed to the theme's fields through rjsf's `formContext`. */
export interface DsfrFormContext {
  /** The scopes of the definition by group, with the use case's limit and the request's creation date. */
  scopes?: {
    groups: ScopeGroup[];
    /** The only scopes the use case offers (every scope when absent). */
    allowed?: string[];
    /** When the request was created (ISO date): a deprecated scope still applies to older requests. */
    createdAt?: string;
  };
  /** Fills contact cards; the « C'est moi » button is hidden without it. */
  me?: CurrentUser;
  /** JSON pointers of the fields the use case prefilled and locked. */
  locked?: string[];
  /** Where an attached document can be read; `/api/documents/{id}` by default. */
  documentUrl?: (id: string) => string;
  /**
   * Sends chosen files to the server and resolves to their references, in order; rejects with an Error whose
   * message (in French) is shown under the upload input. Absent on the server render.
   */
  uploadDocuments?: (pointer: string, files: File[]) => Promise<DocumentReference[]>;
}
