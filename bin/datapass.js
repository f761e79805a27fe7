#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the sources are the only build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../engine/cli/main.ts');
const { PREVIEW_USAGE } = await import('../renderer/convention/previewUsage.ts');
// The engine's commands, and `preview`, which renders conventions with the renderer's HTML and PDF (loaded only when asked).
const preview = { usage: PREVIEW_USAGE, run: async (args) => (await import('../renderer/convention/previewCommand.ts')).previewCommand(args) };
process.exitCode = await main(process.argv.slice(2), { preview });
