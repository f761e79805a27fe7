#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the sources are the only build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../engine/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
