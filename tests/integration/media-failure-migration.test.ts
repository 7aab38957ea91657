import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legacyDatabase, migrateUntil, migrationSql, replay } from "../support/scratch-database";

const CODES = "20261203200000_codes_not_sentences";
const MEDIA = "20261203400000_media_failure_codes";

const org = "00000000-0000-7000-8000-000000000001";
const message = (n: number) => `00000000-0000-7000-8000-0000000001${String(n).padStart(2, "0")}`;

/** Messages as Mirage stored them before codes: media errors as pt-BR sentences (one still in a new message). */
const legacy = `
  SELECT set_config('mirage.organization_id', '${org}', false);
  INSERT INTO organizations (id, name, updated_at) VALUES ('${org}', 'Legado', now());
  INSERT INTO instances (id, organization_id, name, provider_name, webhook_secret_hash, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000002', '${org}', 'n1', 'legacy-n1', 'x', now());
  INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000003', '${org}', '00000000-0000-7000-8000-000000000002', 'direct',
            '5511987650001@s.whatsapp.net', '5511987650001@s.whatsapp.net', now());
  INSERT INTO messages (id, organization_id, instance_id, conversation_id, direction, type, status, sent_at,
                        media_status, media_error, updated_at)
  SELECT v.id::uuid, '${org}', '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000003',
         'inbound', 'video', 'received', now(), v.status::"MediaStatus", v.error, now()
  FROM (VALUES
    ('${message(1)}', 'failed', 'O arquivo está vazio (0 bytes).'),
    ('${message(2)}', 'failed', 'A Evolution API recusou o pedido: o arquivo expirou no WhatsApp.'),
    ('${message(3)}', 'rejected', 'O arquivo tem 120 MB; o limite é 64 MB.'),
    ('${message(4)}', 'failed', 'Não foi possível baixar a mídia.'),
    ('${message(5)}', 'failed', 'connect ECONNREFUSED 127.0.0.1:8080'),
    ('${message(6)}', 'stored', NULL)
  ) AS v(id, status, error);`;

const snapshot = `SELECT json_agg(json_build_object('id', id, 'failure', media_failure) ORDER BY id) AS rows FROM messages`;

describe("the media failure migration", () => {
  let url: string;
  let client: pg.Client;
  beforeAll(async () => {
    // Before the codes migration: the sentences go through it and then through this one, as in production.
    ({ url, client } = await legacyDatabase("mirage_media_failure_migration", CODES, legacy));
  });
  afterAll(async () => {
    await client?.end();
  });

  it("turns every stored media error into a failure code, and running it again changes nothing", async () => {
    expect(await migrateUntil(url, MEDIA, { through: true })).toEqual([CODES, MEDIA]);
    // Read as the application does, inside the organization: row-level security is forced again.
    const converted = (await client.query(snapshot)).rows[0].rows;
    expect(converted).toEqual([
      { id: message(1), failure: "empty" },
      { id: message(2), failure: "provider_refused" },
      { id: message(3), failure: "too_large" },
      { id: message(4), failure: "download_failed" },
      { id: message(5), failure: "download_failed" },
      { id: message(6), failure: null },
    ]);
    const forced = await client.query(`SELECT relforcerowsecurity FROM pg_class WHERE relname = 'messages'`);
    expect(forced.rows[0].relforcerowsecurity).toBe(true);

    // The column is renamed already: replay only the conversion, as a second run of the update would be.
    await replay(client, migrationSql(MEDIA, 'ALTER TABLE "messages" NO FORCE'));
    expect((await client.query(snapshot)).rows[0].rows).toEqual(converted);
  });
});
