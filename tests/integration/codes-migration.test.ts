import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "~/server/db/migrate";
import { legacyDatabase, migrateUntil, migrationSql, replay } from "../support/scratch-database";

const CODES = "20261203200000_codes_not_sentences";

/** Rows as an older Mirage stored them: sentences in pt-BR where codes now go. */
const legacy = `
  SELECT set_config('mirage.organization_id', '00000000-0000-7000-8000-000000000001', false);
  INSERT INTO organizations (id, name, updated_at) VALUES ('00000000-0000-7000-8000-000000000001', 'Legado', now());
  INSERT INTO instances (id, organization_id, name, provider_name, webhook_secret_hash, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'n1', 'legacy-n1', 'x', now());
  INSERT INTO contacts (id, organization_id, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', now()),
           ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000001', now());
  INSERT INTO campaigns (id, organization_id, name, status, legal_basis, audience, variants, limits, schedule, thresholds,
                         pause_reason, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000005', '00000000-0000-7000-8000-000000000001', 'c', 'paused', 'consent',
            '{}', '[]', '{}', '{}', '{}', 'Descadastros acima do limite: 7% pediram para sair.', now());
  INSERT INTO campaign_recipients (id, organization_id, campaign_id, contact_id, status, reason, updated_at)
    VALUES ('00000000-0000-7000-8000-000000000006', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000005', '00000000-0000-7000-8000-000000000003', 'skipped', 'janela encerrada', now()),
           ('00000000-0000-7000-8000-000000000007', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000005', '00000000-0000-7000-8000-000000000004', 'failed',
            'Este número não está no WhatsApp.', now());
  INSERT INTO instance_events (id, organization_id, instance_id, kind, detail)
    VALUES ('00000000-0000-7000-8000-000000000008', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000002', 'watchdog_reconnect',
            'Tentativa 3 de reconexão; próxima em 40 s se continuar fora (a Evolution pediu um novo QR: escaneie para voltar)'),
           ('00000000-0000-7000-8000-000000000009', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000002', 'action', 'Reiniciada por um membro');
  INSERT INTO webhook_deliveries (id, organization_id, instance_id, event, dedupe_key, error, dead_at)
    VALUES ('00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000002', 'messages.upsert', 'k1',
            'failed: chat 5511@s.whatsapp.net names neither a phone nor a LID', now()),
           ('00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-000000000001',
            '00000000-0000-7000-8000-000000000002', 'messages.upsert', 'k2',
            'malformed: O webhook recebido não é um evento da Evolution API.', now());
`;

const snapshot = `
  SELECT (SELECT json_build_object('reason', pause_reason, 'params', pause_params) FROM campaigns) AS pause,
         (SELECT json_agg(reason ORDER BY id) FROM campaign_recipients) AS recipients,
         (SELECT json_agg(json_build_object('detail', detail, 'params', detail_params) ORDER BY id) FROM instance_events) AS timeline,
         (SELECT json_agg(json_build_object('error', error, 'params', error_params) ORDER BY id) FROM webhook_deliveries) AS deliveries`;

describe("the codes migration", () => {
  let url: string;
  let client: pg.Client;
  beforeAll(async () => {
    // Everything before it, so the rows below are what that schema stored.
    ({ url, client } = await legacyDatabase("mirage_codes_migration", CODES, legacy));
  });
  afterAll(async () => {
    await client?.end();
  });

  it("converts stored prose to codes with parameters, and running it again changes nothing", async () => {
    expect(await migrateUntil(url, CODES, { through: true })).toEqual([CODES]);
    // Read as the application does, inside the organization: the migration left row-level security forced.
    const converted = (await client.query(snapshot)).rows[0];
    expect(converted).toEqual({
      pause: { reason: "opt_out_rate", params: { percent: 7 } },
      recipients: ["window_closed", "notOnWhatsapp"],
      timeline: [
        { detail: "reconnect_needs_qr", params: { attempt: 3, nextInSeconds: 40 } },
        { detail: "restarted_by_member", params: {} },
      ],
      deliveries: [
        { error: "deliveryFailed", params: { reason: "chatWithoutIdentity", chat: "5511@s.whatsapp.net" } },
        { error: "deliveryMalformed", params: { reason: "webhookNotEvolutionEvent" } },
      ],
    });

    await replay(client, migrationSql(CODES));
    expect((await client.query(snapshot)).rows[0]).toEqual(converted);

    // The later migrations apply on top of the converted rows and leave them as they are.
    expect((await migrate({ databaseUrl: url })).length).toBeGreaterThan(0);
    expect((await client.query(snapshot)).rows[0]).toEqual(converted);
  });
});
