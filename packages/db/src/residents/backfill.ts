// Rows stored before the last-digits and full-pinyin indexes (migration 0019) get them here:
// the ID number is sealed, so only the server, holding the key, can compute its tail indexes.
// Runs at start-up after the migrations, on PGlite and PostgreSQL alike, in batches keyed by
// id (a row whose number is too short for a tail is passed over, not read again).
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../client.ts';
import { namePinyin } from '../areas/index.ts';
import type { Keys } from '../keys.ts';
import { idTailIndexes } from './prepare.ts';
import { backgroundTurn } from '../turns.ts';

const BATCH = 2000;

/** How many residents still lack those indexes. */
export async function residentsWithoutSearch(database: Database): Promise<number> {
  const [r] = await database.owner((db) =>
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM residents WHERE id_tail4_hash IS NULL OR name_pinyin IS NULL`),
  );
  return Number(r?.n ?? 0);
}

/** Fills id_tail4_hash, id_tail6_hash and name_pinyin where missing; how many rows were filled. */
export async function backfillResidentSearch(database: Database, keys: Keys): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let filled = 0;
  for (;;) {
    const batch = await database.owner((db) =>
      rows<{ id: string; idCipher: string; name: string }>(
        db,
        sql`SELECT id, id_cipher AS "idCipher", name FROM residents
          WHERE (id_tail4_hash IS NULL OR name_pinyin IS NULL) AND id > ${after}::uuid ORDER BY id LIMIT ${BATCH}`,
      ),
    );
    if (!batch.length) return filled;
    const values: { id: string; t4: string | null; t6: string | null; py: string }[] = [];
    for (const r of batch) {
      const tails = idTailIndexes(keys, keys.open(r.idCipher));
      values.push({ id: r.id, t4: tails.idTail4Hash, t6: tails.idTail6Hash, py: namePinyin(r.name) });
      await backgroundTurn(); // a large register is filled while the server answers requests
    }
    await database.owner((db) =>
      db.execute(sql`UPDATE residents r SET id_tail4_hash = v.t4, id_tail6_hash = v.t6, name_pinyin = v.py
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id uuid, t4 text, t6 text, py text) WHERE r.id = v.id`),
    );
    filled += batch.length;
    after = batch[batch.length - 1]!.id;
  }
}
