// Prints the SHA-256 of the PDF of { html, meta } read as JSON on stdin: a fresh process, for the test that
// a convention's PDF does not depend on the documents a process made before it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { renderConventionPdf } from '../../renderer/convention/pdf/renderConventionPdf.js';

const { html, meta } = JSON.parse(readFileSync(0, 'utf8'));
const pdf = await renderConventionPdf(html, meta);
process.stdout.write(createHash('sha256').update(pdf).digest('hex'));
