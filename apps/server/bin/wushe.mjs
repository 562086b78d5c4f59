#!/usr/bin/env node
// The `wushe` command: TypeScript sources run through tsx, so there is no server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
