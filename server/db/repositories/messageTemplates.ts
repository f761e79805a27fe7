import type { Db } from '../createDatabase.js';
import { insertedId, toIso } from '../json.js';

export interface MessageTemplate {
  id: number;
  definitionId: string;
  /** The workflow event it words: refuse, request_changes or approve. */
  event: string;
  title: string;
  body: string;
  updatedAt: string;
}

const mapTemplate = (r: Record<string, unknown>): MessageTemplate => ({ id: Number(r.id), definitionId: String(r.definition_id), event: String(r.event), title: String(r.title), body: String(r.body), updatedAt: toIso(r.updated_at) });

export async function templatesOf(db: Db, definitionIds: readonly string[]): Promise<MessageTemplate[]> {
  if (!definitionIds.length) return [];
  return (await db('message_templates').whereIn('definition_id', [...definitionIds]).orderBy(['definition_id', 'event', 'title'])).map(mapTemplate);
}

export async function findTemplate(db: Db, id: number): Promise<MessageTemplate | undefined> {
  const row = await db('message_templates').where({ id }).first();
  return row ? mapTemplate(row) : undefined;
}

export async function saveTemplate(db: Db, t: Omit<MessageTemplate, 'id' | 'updatedAt'> & { id?: number | undefined }, userId: number, at: string): Promise<number> {
  const row = { definition_id: t.definitionId, event: t.event, title: t.title, body: t.body, updated_by: userId, updated_at: at };
  if (t.id !== undefined) {
    await db('message_templates').where({ id: t.id }).update(row);
    return t.id;
  }
  const [inserted] = await db('message_templates').insert(row).returning('id');
  return insertedId(inserted);
}

export async function deleteTemplate(db: Db, id: number): Promise<void> {
  await db('message_templates').where({ id }).delete();
}
