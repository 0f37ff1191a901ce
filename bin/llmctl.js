#!/usr/bin/env node
// Tiny shim: everything lives in dist/index.js (built from src/index.ts).
import { main } from '../dist/index.js';

main(process.argv.slice(2));
