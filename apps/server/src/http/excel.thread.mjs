// Entry of the export thread (excel.threads.ts): the sources are TypeScript, run through tsx
// as in the main thread (bin/wushe.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./excel.thread.ts');
