// Entry of an import thread (import.threads.ts): the sources are TypeScript, run through tsx
// as in the main thread (bin/wushe.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./import.thread.ts');
