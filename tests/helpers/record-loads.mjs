// Preloaded with `node --import` in the start-up tests: every module a process resolves is
// appended to the file named by BRIEFWIRE_LOAD_LOG, so a test can see what a command loaded.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
