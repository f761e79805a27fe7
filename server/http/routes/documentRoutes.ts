import { createHash, randomUUID } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { allowedEvents } from '../../../engine/index.js';
import type { AppContext } from '../../AppContext.js';
import { documentContent, findDocument, insertDocumentsWithinLimits } from '../../db/repositories/documents.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import { acceptedTypes } from '../../documents/documentFields.js';
import { checkUploadHeaders, receiveUpload, refuseAndClose, type ReceivedUpload } from '../../documents/receiveUpload.js';
import { refusedFile } from '../../documents/refusedFile.js';
import { sniffContentType } from '../../documents/sniffContentType.js';
import { DEFAULT_REQUEST_QUOTA_BYTES } from '../../documents/uploadLimits.js';
import { loadedDefinition } from '../../lifecycle/loadedDefinition.js';
import { actorOf, requestSnapshot } from '../../lifecycle/requestSnapshot.js';
import { callerOf } from '../caller.js';
import { HttpError, notFound } from '../HttpError.js';
import { visibleRequest } from './requestRoutes.js';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`;

/** Upload files for a document field of a request being edited; download them for whoever sees the request. */
export function documentRoutes(ctx: AppContext, options: { quotaBytes?: number | undefined } = {}): Router {
  const router = Router();
  const quotaBytes = options.quotaBytes ?? DEFAULT_REQUEST_QUOTA_BYTES;

  // Who may upload is settled first (an outsider gets the 404 any route gives, recorded), before the body is
  // read, so nobody else makes the server buffer 60 MB; a refusal closes the connection instead of draining it.
  const mayUpload = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const caller = callerOf(res);
      const row = await visibleRequest(ctx, caller, req, req.params.id as string);
      const definition = loadedDefinition(ctx, row.definitionId);
      const canEdit = allowedEvents(definition, await requestSnapshot(ctx.reads, row), actorOf(caller), ctx.clock.now()).some((e) => e.event === 'update');
      if (!canEdit) throw HttpError.of(403, 'EVENT_FORBIDDEN', 'Forbidden', 'Vous ne pouvez pas joindre de fichier à cette demande dans son état actuel.');
      res.locals.request = row;
      next();
    } catch (error) {
      refuseAndClose(req, res, next, error);
    }
  };

  router.post('/api/requests/:id/documents', mayUpload, checkUploadHeaders, receiveUpload(), async (_req, res) => {
    const caller = callerOf(res);
    const row = res.locals.request as StoredRequest;
    const { field, files } = res.locals.upload as ReceivedUpload;
    const definition = loadedDefinition(ctx, row.definitionId);
    const accepted = acceptedTypes(definition.schema, field);
    if (!accepted) throw HttpError.of(422, 'NOT_A_DOCUMENT_FIELD', 'Not a document field', `« ${field} » n’est pas un champ de pièce jointe de ce formulaire.`, '/field');
    if (!files.length) throw HttpError.of(422, 'FIELD_REQUIRED', 'No file', 'Choisissez au moins un fichier (champ « files »).', '/files');
    if (files.length > accepted.maxItems) throw HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Ce champ accepte ${accepted.maxItems} fichiers au plus.`, '/files');
    const at = ctx.clock.now().toISOString();
    const documents = [];
    for (const [i, file] of files.entries()) {
      const sniffed = await sniffContentType(file.content);
      if ('refused' in sniffed) throw refusedFile(file.filename, sniffed.refused, `/files/${i}`);
      if (!sniffed.type || !accepted.types.includes(sniffed.type)) throw refusedFile(file.filename, accepted.types, `/files/${i}`);
      documents.push({
        id: randomUUID(),
        requestId: row.id,
        field,
        filename: file.filename.slice(0, 255),
        contentType: sniffed.type,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        uploadedBy: caller.userId,
        createdAt: at,
        content: file.content,
      });
    }
    const refused = await insertDocumentsWithinLimits(ctx.db, row.id, field, documents, { maxFiles: accepted.maxItems, quotaBytes });
    if (refused?.refused === 'too_many_files') {
      throw HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Ce champ accepte ${accepted.maxItems} fichiers au plus (${refused.already} déjà joints).`, '/files');
    }
    if (refused?.refused === 'quota') {
      throw HttpError.of(
        422,
        'DOCUMENTS_QUOTA_EXCEEDED',
        'Documents quota exceeded',
        `Les pièces jointes d’une demande ne peuvent pas dépasser ${megabytes(quotaBytes)} en tout : ${megabytes(refused.usedBytes)} sont déjà joints, ces fichiers en ajouteraient ${megabytes(documents.reduce((s, d) => s + d.size, 0))}.`,
        '/files',
      );
    }
    // What the form puts in its data: references, never the content.
    res.status(201).json({ documents: documents.map((d) => ({ id: d.id, filename: d.filename, content_type: d.contentType, size: d.size })) });
  });

  router.get('/api/documents/:id', async (req, res) => {
    const caller = callerOf(res);
    const doc = await findDocument(ctx.reads, req.params.id);
    if (!doc) throw notFound('Ce document');
    // The document's request decides: refused (and recorded) exactly as the request itself would be.
    await visibleRequest(ctx, caller, req, String(doc.requestId), 'Ce document');
    const content = await documentContent(ctx.reads, doc.id);
    res.setHeader('content-type', doc.contentType);
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    // An uploaded file opened in the browser anyway (a PDF viewer, an HTML file) runs nothing and loads nothing.
    res.setHeader('content-security-policy', "sandbox; default-src 'none'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(content);
  });

  return router;
}
