#!/usr/bin/env node
// The command-line checker: runs the TypeScript core through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
