import type { Db } from '../createDatabase.js';
import { insertedId, toBool, toIso } from '../json.js';

export interface Message {
  id: number;
  requestId: number;
  authorId: number;
  fromInstructor: boolean;
  body: string;
  createdAt: string;
}

export async function insertMessage(db: Db, m: Omit<Message, 'id'>): Promise<number> {
  const [row] = await db('messages').insert({ request_id: m.requestId, author_id: m.authorId, from_instructor: m.fromInstructor, body: m.body, created_at: m.createdAt }).returning('id');
  return insertedId(row);
}

export async function messagesOf(db: Db, requestId: number): Promise<Message[]> {
  return (await db('messages').where({ request_id: requestId }).orderBy('id')).map((r) => ({
    id: Number(r.id),
    requestId: Number(r.request_id),
    authorId: Number(r.author_id),
    fromInstructor: toBool(r.from_instructor),
    body: String(r.body),
    createdAt: toIso(r.created_at),
  }));
}
