#!/usr/bin/env node
import { enableModuleCompileCache } from './compile-cache.js';

// The compile cache must be on before the rest of the CLI is loaded: everything else comes in
// through this dynamic import.
enableModuleCompileCache();
await import('./main.js');
