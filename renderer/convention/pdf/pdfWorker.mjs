// The entry of a PDF worker thread: TypeScript runs through tsx, registered here so that the worker loads
// the renderer whatever flags the parent process was started with (as bin/datapass.js does for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('./pdfWorkerMain.ts');
