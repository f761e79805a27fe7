/** One uploaded file at most (the document schema's `size` maximum says the same). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Files in one upload, and in one document field (its schema's `maxItems` may say fewer). */
export const MAX_FILES = 6;

/** The largest body an upload may have: its files plus room for the multipart framing and the `field` value. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILES * MAX_FILE_BYTES + 64 * 1024;

/** Default of `DOCUMENTS_QUOTA_MB`: the bytes all the documents of one request may take together. */
export const DEFAULT_REQUEST_QUOTA_BYTES = 60 * 1024 * 1024;
