import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate } from "~/server/db/migrate";
import { migrateUntil, scratchDatabase, superuserClient } from "../support/scratch-database";

const PORT_MIGRATION = "20261203100000_neutral_provider_port";
const ORG = "0193a000-0000-7000-8000-000000000001";
const INSTANCE = "0193a000-0000-7000-8000-000000000002";

/** Stored data written before the provider port became neutral: JIDs and Baileys codes. */
async function seedLegacyRows(client: pg.Client) {
  await client.query(`INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Legado', now())`, [ORG]);
  await client.query(
    `INSERT INTO instances (id, organization_id, name, provider_name, webhook_secret_hash, state, state_reason, updated_at)
     VALUES ($1, $2, 'Vendas', 'mirage-legacy', 'hash', 'close', 401, now())`,
    [INSTANCE, ORG],
  );
  await client.query(
    `INSERT INTO instance_events (id, organization_id, instance_id, kind, state, status_reason)
     VALUES (gen_random_uuid(), $1, $2, 'connection', 'connecting', 200),
            (gen_random_uuid(), $1, $2, 'connection', 'close', 440),
            (gen_random_uuid(), $1, $2, 'connection', 'close', 499),
            (gen_random_uuid(), $1, $2, 'action', NULL, NULL)`,
    [ORG, INSTANCE],
  );
  const chats = [
    ["phone", "5511987654321@s.whatsapp.net"],
    ["device", "553199998888:12@s.whatsapp.net"],
    ["lid", "201234567890123@lid"],
    ["group", "120363025246125888@g.us"],
  ];
  for (const [key, jid] of chats) {
    await client.query(
      `INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_jid, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
      [ORG, INSTANCE, key === "group" ? "group" : "direct", key, jid],
    );
  }
}

async function storedState(client: pg.Client) {
  const instance = (await client.query(`SELECT provider, state_reason FROM instances WHERE id = $1`, [INSTANCE]))
    .rows[0];
  const reasons = (
    await client.query(`SELECT kind, state, status_reason FROM instance_events ORDER BY status_reason NULLS FIRST`)
  ).rows;
  const addresses = Object.fromEntries(
    (await client.query(`SELECT chat_key, chat_address FROM conversations`)).rows.map((r) => [
      r.chat_key,
      r.chat_address,
    ]),
  );
  return { instance, reasons, addresses };
}

describe("the neutral provider port's migration", () => {
  const database = "mirage_port_migration";
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    url = await scratchDatabase(database);
    client = superuserClient(database);
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it("rewrites stored JIDs and Baileys codes into neutral terms, and running it again changes nothing", async () => {
    // The schema as it was just before: every migration up to (not including) this one.
    await migrateUntil(url, PORT_MIGRATION);
    await seedLegacyRows(client);

    expect(await migrate({ databaseUrl: url })).toContain(PORT_MIGRATION);
    const migrated = await storedState(client);
    expect(migrated.instance).toEqual({ provider: "evolution", state_reason: "logged_out" });
    expect(migrated.reasons).toEqual([
      // 200 meant "no disconnect"; an action never had a reason.
      { kind: "connection", state: "connecting", status_reason: null },
      { kind: "action", state: null, status_reason: null },
      { kind: "connection", state: "close", status_reason: "replaced" },
      { kind: "connection", state: "close", status_reason: "unknown" },
    ]);
    expect(migrated.addresses).toEqual({
      phone: "5511987654321",
      device: "553199998888",
      lid: "201234567890123@lid",
      group: "120363025246125888@g.us",
    });

    // Idempotent: the same file run once more over migrated data leaves it as it is.
    await client.query(readFileSync(path.join(defaultMigrationsDir, PORT_MIGRATION, "migration.sql"), "utf8"));
    expect(await storedState(client)).toEqual(migrated);
  });
});
