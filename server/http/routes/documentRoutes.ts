import { createHash, randomUUID } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import { allowedEvents, itemSchemas, subschemasAt, type JsonSchema } from '../../../engine/index.js';
import type { AppContext } from '../../AppContext.js';
import { countDocuments, documentContent, findDocument, insertDocument } from '../../db/repositories/documents.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import { loadedDefinition } from '../../lifecycle/loadedDefinition.js';
import { actorOf, requestSnapshot } from '../../lifecycle/requestSnapshot.js';
import { callerOf } from '../caller.js';
import { HttpError, notFound } from '../HttpError.js';
import { visibleRequest } from './requestRoutes.js';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 6;

// Browsers send file names in UTF-8 without saying so: read them as such (« délibération.pdf »).
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: MAX_BYTES, files: MAX_FILES, fields: 5 } });

/** Multer's limits as the API's errors. */
function receiveFiles(req: Request, res: Response, next: NextFunction): void {
  upload.array('files', MAX_FILES)(req, res, (error: unknown) => {
    if (!error) return next();
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return next(HttpError.of(413, 'FILE_TOO_LARGE', 'File too large', 'Un fichier dépasse 10 Mo.', '/files'));
    if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') return next(HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Envoyez au plus ${MAX_FILES} fichiers, dans le champ « files ».`, '/files'));
    next(error);
  });
}

/** The content types a document field accepts, from its schema (`content_type` const or enum of its items). */
function acceptedTypes(schema: JsonSchema, pointer: string): { types: string[]; maxItems: number } | undefined {
  if (!/^(\/[^/]+)+$/.test(pointer)) return undefined;
  const list = subschemasAt(schema, pointer.slice(1).split('/'));
  const types = new Set<string>();
  let maxItems = MAX_FILES;
  for (const s of list) if (typeof s.maxItems === 'number') maxItems = Math.min(maxItems, s.maxItems);
  for (const s of list.flatMap((l) => itemSchemas(schema, l))) {
    const ct = s.properties?.content_type as JsonSchema | undefined;
    if (ct && typeof ct.const === 'string') types.add(ct.const);
    if (ct && Array.isArray(ct.enum)) for (const v of ct.enum) if (typeof v === 'string') types.add(v);
  }
  return types.size ? { types: [...types], maxItems } : undefined;
}

/** What a file is, from its bytes, never from its name: binary signatures, or text for CSV. */
async function sniff(content: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  return content.includes(0) ? undefined : 'text/csv';
}

/** Upload files for a document field of a request being edited; download them for whoever sees the request. */
export function documentRoutes(ctx: AppContext): Router {
  const router = Router();

  // Who may upload is settled before the files are read, so nobody else makes the server buffer 60 MB.
  const mayUpload = async (req: Request, res: Response, next: NextFunction) => {
    const caller = callerOf(res);
    const row = await visibleRequest(ctx, caller, req, req.params.id as string);
    const definition = loadedDefinition(ctx, row.definitionId);
    const canEdit = allowedEvents(definition, await requestSnapshot(ctx.reads, row), actorOf(caller), ctx.clock.now()).some((e) => e.event === 'update');
    if (!canEdit) throw HttpError.of(403, 'EVENT_FORBIDDEN', 'Forbidden', 'Vous ne pouvez pas joindre de fichier à cette demande dans son état actuel.');
    res.locals.request = row;
    next();
  };

  router.post('/api/requests/:id/documents', mayUpload, receiveFiles, async (req, res) => {
    const caller = callerOf(res);
    const row = res.locals.request as StoredRequest;
    const definition = loadedDefinition(ctx, row.definitionId);
    const field = typeof req.body?.field === 'string' ? req.body.field : '';
    const accepted = acceptedTypes(definition.schema, field);
    if (!accepted) throw HttpError.of(422, 'NOT_A_DOCUMENT_FIELD', 'Not a document field', `« ${field} » n’est pas un champ de pièce jointe de ce formulaire.`, '/field');
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (!files.length) throw HttpError.of(422, 'FIELD_REQUIRED', 'No file', 'Choisissez au moins un fichier (champ « files »).', '/files');
    const already = await countDocuments(ctx.db, row.id, field);
    if (already + files.length > accepted.maxItems) {
      throw HttpError.of(422, 'TOO_MANY_FILES', 'Too many files', `Ce champ accepte ${accepted.maxItems} fichiers au plus (${already} déjà joints).`, '/files');
    }
    const stored = [];
    for (const [i, file] of files.entries()) {
      const type = await sniff(file.buffer);
      if (!type || !accepted.types.includes(type)) {
        const names = accepted.types.map((t) => (t === 'application/pdf' ? 'PDF' : t)).join(', ');
        throw HttpError.of(422, 'FILE_TYPE_REFUSED', 'File type refused', `« ${file.originalname} » n’est pas un fichier accepté ici (${names}) : son contenu a été vérifié, pas seulement son nom.`, `/files/${i}`);
      }
      stored.push({ file, type });
    }
    const at = ctx.clock.now().toISOString();
    const documents = [];
    for (const { file, type } of stored) {
      const doc = {
        id: randomUUID(),
        requestId: row.id,
        field,
        filename: file.originalname.slice(0, 255),
        contentType: type,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        uploadedBy: caller.userId,
        createdAt: at,
      };
      await insertDocument(ctx.db, { ...doc, content: file.buffer });
      documents.push({ id: doc.id, filename: doc.filename, content_type: doc.contentType, size: doc.size });
    }
    // What the form puts in its data: references, never the content.
    res.status(201).json({ documents });
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
    res.send(content);
  });

  return router;
}
