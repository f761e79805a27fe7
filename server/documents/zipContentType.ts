import { inflateRawSync } from 'node:zlib';

/** What a ZIP-based file is, or why it is refused without being opened further. */
export type ZipVerdict = { type: string } | { refused: 'malformed' | 'too_many_members' | 'member_too_large' };

/** The caps that keep reading an uploaded archive cheap whatever it holds. */
export const ZIP_LIMITS = {
  /** Members listed in the central directory: office files hold tens to a few hundred. */
  members: 5000,
  /** Inflated bytes of `[Content_Types].xml` (a few KB in real files). */
  contentTypes: 1024 * 1024,
  /** Inflated bytes of an OpenDocument `mimetype` member (one line). */
  mimetype: 256,
} as const;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const OOXML_PREFIX = 'application/vnd.openxmlformats-officedocument.';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class Malformed extends Error {}
class TooLarge extends Error {}

/** The end record is in the last 22 + 65,535 bytes (its comment is at most that long). */
function endOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw new Malformed();
}

/** The central directory's entries: names and sizes only, nothing inflated. */
function entries(zip: Buffer): Entry[] | 'too_many_members' {
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 (0xFFFF… markers) only matters above 4 GB or 65,535 members, never for a file of a few MB.
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > end) throw new Malformed();
  if (count > ZIP_LIMITS.members) return 'too_many_members';
  const list: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Malformed();
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (next > end) throw new Malformed();
    list.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at = next;
  }
  return list;
}

/** One member's bytes, inflating at most `cap` bytes whatever size it declares. */
function memberBytes(zip: Buffer, entry: Entry, cap: number): Buffer {
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Malformed();
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + entry.compressedSize > zip.length) throw new Malformed();
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.size > cap) throw new TooLarge();
  if (entry.method === 0) {
    if (data.length > cap) throw new TooLarge();
    return data;
  }
  if (entry.method !== 8) throw new Malformed();
  try {
    // The declared size may lie: zlib itself stops at the cap.
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    throw new Malformed();
  }
}

/** OOXML names its kind in `[Content_Types].xml`: the content type of the main part, minus `.main+xml`. */
function ooxmlType(contentTypes: string): string | undefined {
  const main = /ContentType="([^"]+)\.main\+xml"/.exec(contentTypes)?.[1];
  return main?.startsWith(OOXML_PREFIX) ? main : undefined;
}

/**
 * What a ZIP-based upload is (an OOXML or OpenDocument file, else `application/zip`), reading only its
 * directory and inflating at most one small member with a hard cap, so a member that inflates to gigabytes
 * costs no more than a real file. Truncated or inconsistent archives, too many members, or a member bigger
 * than its kind allows are refused, not guessed.
 */
export function zipContentType(zip: Buffer): ZipVerdict {
  try {
    const list = entries(zip);
    if (list === 'too_many_members') return { refused: 'too_many_members' };
    const mimetype = list.find((e) => e.name === 'mimetype');
    if (mimetype) {
      const declared = memberBytes(zip, mimetype, ZIP_LIMITS.mimetype).toString('ascii').trim();
      if (/^application\/vnd\.oasis\.opendocument\.[a-z.-]+$/.test(declared)) return { type: declared };
    }
    const types = list.find((e) => e.name === '[Content_Types].xml');
    if (types) {
      const found = ooxmlType(memberBytes(zip, types, ZIP_LIMITS.contentTypes).toString('utf8'));
      if (found) return { type: found };
    }
    return { type: 'application/zip' };
  } catch (error) {
    if (error instanceof TooLarge) return { refused: 'member_too_large' };
    if (error instanceof Malformed || error instanceof RangeError) return { refused: 'malformed' };
    throw error;
  }
}
