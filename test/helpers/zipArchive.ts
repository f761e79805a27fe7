import { constants, deflateRawSync } from 'node:zlib';

/** One member of a ZIP written by `zipArchive`: its bytes stored or deflated, or raw deflate data with a declared size. */
export interface ZipMember {
  name: string;
  data?: Buffer | string;
  deflate?: boolean;
  /** Already-deflated bytes, written as they are (a bomb's member), with the uncompressed size it declares. */
  raw?: { compressed: Buffer; declaredSize: number };
}

/**
 * A ZIP archive as office suites write it (local headers, central directory, end record), built in memory so
 * the tests make real .xlsx/.ods files and hostile ones without fixtures. CRCs are left at 0: nothing here
 * or in the server checks them.
 */
export function zipArchive(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const plain = m.data === undefined ? Buffer.alloc(0) : Buffer.from(m.data);
    const stored = m.raw ? m.raw.compressed : m.deflate ? deflateRawSync(plain) : plain;
    const method = m.raw || m.deflate ? 8 : 0;
    const size = m.raw ? m.raw.declaredSize : plain.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal valid .xlsx: what Excel and LibreOffice write first, enough for any sniffer to recognise it. */
export function minimalXlsx(): Buffer {
  return zipArchive([
    {
      name: '[Content_Types].xml',
      deflate: true,
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    { name: '_rels/.rels', deflate: true, data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', deflate: true, data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Feuille1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>' },
    { name: 'xl/worksheets/sheet1.xml', deflate: true, data: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>' },
  ]);
}

/** A minimal valid .ods: the stored `mimetype` member first, as the OpenDocument specification requires. */
export function minimalOds(): Buffer {
  return zipArchive([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    { name: 'META-INF/manifest.xml', deflate: true, data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>' },
    { name: 'content.xml', deflate: true, data: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>' },
  ]);
}

/**
 * Raw deflate data that inflates to `bytes` zeros (a multiple of 1 MiB), made without ever holding them: one
 * MiB of zeros compressed up to a sync flush, repeated, then a final empty block.
 */
export function deflatedZeros(bytes: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: Math.ceil(bytes / (1024 * 1024)) }, () => chunk), finalEmptyBlock]);
}

/** About 1 MB that looks like an .xlsx whose `[Content_Types].xml` inflates to 1 GiB (declared as 1 KiB). */
export function officeBomb(inflatedBytes = 1024 ** 3): Buffer {
  return zipArchive([{ name: '[Content_Types].xml', raw: { compressed: deflatedZeros(inflatedBytes), declaredSize: 1024 } }, { name: 'xl/workbook.xml', deflate: true, data: '<workbook/>' }]);
}
