// Field encryption keys live outside the database (WUSHE_DATA_DIR/keys.json, mode 0600):
// AES-256-GCM for sealing, HMAC-SHA256 for blind indexes. The key id travels with each
// ciphertext so keys can rotate: new writes use `current`, old ones still open.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomFromPool } from './ids.ts';

interface KeyPair {
  enc: Buffer;
  mac: Buffer;
}

export interface Keys {
  current: string;
  seal(plain: string): string;
  open(sealed: string): string;
  blindIndex(value: string): string;
}

export interface KeyFile {
  current: string;
  /** The key whose MAC computes blind indexes (default: the first key). It does not follow
   *  `current`: a rotated index key would make every existing row unfindable. */
  index?: string;
  keys: Record<string, { enc: string; mac: string }>;
}

/** The key file each Keys was made from: what a worker thread needs to seal the same way. */
const sources = new WeakMap<Keys, KeyFile>();

/** The key file behind `keys` (undefined for a Keys not made by keysFrom). */
export const keyFileOf = (keys: Keys): KeyFile | undefined => sources.get(keys);

export function keysFrom(file: KeyFile): Keys {
  const pairs = new Map<string, KeyPair>(
    Object.entries(file.keys).map(([id, k]) => [id, { enc: Buffer.from(k.enc, 'base64'), mac: Buffer.from(k.mac, 'base64') }]),
  );
  const currentPair = pairs.get(file.current);
  if (!currentPair) throw new Error(`key ${file.current} is missing from the key file`);
  const indexId = file.index ?? Object.keys(file.keys)[0]!;
  const indexPair = pairs.get(indexId);
  if (!indexPair) throw new Error(`key ${indexId} is missing from the key file`);
  const keys: Keys = {
    current: file.current,
    seal(plain) {
      const iv = randomFromPool(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', currentPair.enc, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [file.current, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      const [id, iv, tag, body] = sealed.split(':');
      const pair = pairs.get(id ?? '');
      if (!pair || !iv || !tag || body === undefined) throw new Error('cannot open: unknown key or malformed ciphertext');
      const decipher = crypto.createDecipheriv('aes-256-gcm', pair.enc, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return crypto.createHmac('sha256', indexPair.mac).update(value).digest('base64url');
    },
  };
  sources.set(keys, file);
  return keys;
}

export function generateKeyFile(): KeyFile {
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  return {
    current: id,
    keys: { [id]: { enc: crypto.randomBytes(32).toString('base64'), mac: crypto.randomBytes(32).toString('base64') } },
  };
}

/** Loads WUSHE_DATA_DIR/keys.json, creating it on first start. */
export function loadOrCreateKeys(dataDir: string): Keys {
  const file = path.join(dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generateKeyFile(), null, 2), { mode: 0o600 });
  }
  return keysFrom(JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile);
}
