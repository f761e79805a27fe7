import { fileTypeFromBuffer } from 'file-type';
import { zipContentType, type ZipVerdict } from './zipContentType.js';

/**
 * file-type reads signatures in this many leading bytes. Only a sample is handed to it because it opens ZIP
 * archives it meets, also after a UTF-8 BOM or an ID3 tag, and inflates their members without limit: on a
 * 4 KB sample that is at most a few MB.
 */
const SAMPLE_BYTES = 4100;

const isZip = (content: Buffer) => content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;

/**
 * What a file is, from its bytes, never from its name: ZIP-based office files by a bounded read of their
 * directory, other binary formats by their signature, text without NUL bytes as CSV. Bounded in time and
 * memory whatever the upload holds.
 */
export async function sniffContentType(content: Buffer): Promise<ZipVerdict | { type: undefined }> {
  if (isZip(content)) return zipContentType(content);
  // A signature cut short by the sample (a ZIP after a BOM) is no known type: the NUL test below decides.
  const detected = await fileTypeFromBuffer(content.subarray(0, SAMPLE_BYTES)).catch(() => undefined);
  if (detected) return { type: detected.mime };
  return { type: content.includes(0) ? undefined : 'text/csv' };
}
