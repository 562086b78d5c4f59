import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyFile, keysFrom, loadOrCreateKeys } from '@wushe/db';

const pair = () => ({ enc: crypto.randomBytes(32).toString('base64'), mac: crypto.randomBytes(32).toString('base64') });

describe('field encryption keys', () => {
  it('seals and opens, with a fresh IV each time', () => {
    const keys = keysFrom(generateKeyFile());
    const a = keys.seal('350206194912310021');
    const b = keys.seal('350206194912310021');
    expect(a).not.toBe(b);
    expect(a).not.toContain('350206194912310021');
    expect(a.split(':')[0]).toBe(keys.current);
    expect(keys.open(a)).toBe('350206194912310021');
    expect(keys.open(keys.seal(''))).toBe('');
    expect(keys.open(keys.seal('欧阳娜娜 13812341234'))).toBe('欧阳娜娜 13812341234');
  });

  it('detects tampering and refuses unknown keys', () => {
    const keys = keysFrom(generateKeyFile());
    const sealed = keys.seal('13812341234');
    const [id, iv, tag, body] = sealed.split(':') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64');
    flipped[0]! ^= 1;
    expect(() => keys.open([id, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    const badTag = Buffer.from(tag, 'base64');
    badTag[0]! ^= 1;
    expect(() => keys.open([id, iv, badTag.toString('base64'), body].join(':'))).toThrow();
    expect(() => keys.open(['nokey', iv, tag, body].join(':'))).toThrow(/unknown key/);
    expect(() => keys.open('garbage')).toThrow();
    // Another installation's key cannot open it either.
    const other = keysFrom({ current: id, keys: { [id]: pair() } });
    expect(() => other.open(sealed)).toThrow();
  });

  it('rotates: old values still open after a new current key is added', () => {
    const k1 = pair();
    const before = keysFrom({ current: 'k1', keys: { k1 } });
    const old = before.seal('旧数据');
    const after = keysFrom({ current: 'k2', keys: { k1, k2: pair() } });
    expect(after.current).toBe('k2');
    expect(after.open(old)).toBe('旧数据');
    const fresh = after.seal('新数据');
    expect(fresh.startsWith('k2:')).toBe(true);
    expect(after.open(fresh)).toBe('新数据');
    // The old key set cannot open what the new key sealed.
    expect(() => before.open(fresh)).toThrow();
    expect(() => keysFrom({ current: 'k3', keys: { k1 } })).toThrow(/k3/);
  });

  it('computes a deterministic blind index', () => {
    const file = generateKeyFile();
    const a = keysFrom(file);
    const b = keysFrom(JSON.parse(JSON.stringify(file)));
    expect(a.blindIndex('11010519491231002X')).toBe(b.blindIndex('11010519491231002X'));
    expect(a.blindIndex('11010519491231002X')).not.toBe(a.blindIndex('110105194912310039'));
    expect(a.blindIndex('11010519491231002X')).not.toContain('1101');
    expect(keysFrom(generateKeyFile()).blindIndex('11010519491231002X')).not.toBe(a.blindIndex('11010519491231002X'));
  });

  it('keeps blind indexes stable across rotation, so existing rows stay findable', () => {
    const k1 = pair();
    const before = keysFrom({ current: 'k1', keys: { k1 } });
    const after = keysFrom({ current: 'k2', keys: { k1, k2: pair() } });
    expect(after.blindIndex('id:1:11010519491231002X')).toBe(before.blindIndex('id:1:11010519491231002X'));
    // An explicit index key wins over the order of the file.
    const k3 = pair();
    const pinned = keysFrom({ current: 'k3', index: 'k3', keys: { k1, k3 } });
    expect(pinned.blindIndex('x')).toBe(keysFrom({ current: 'k3', keys: { k3 } }).blindIndex('x'));
    expect(() => keysFrom({ current: 'k1', index: 'k9', keys: { k1 } })).toThrow(/k9/);
  });

  it('creates the key file once, readable only by its owner', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wushe-keys-'));
    try {
      const first = loadOrCreateKeys(dir);
      const file = path.join(dir, 'keys.json');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const second = loadOrCreateKeys(dir);
      expect(second.open(first.seal('x'))).toBe('x');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
