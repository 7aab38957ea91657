import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate } from "~/server/db/migrate";
import { migrateUntil, scratchDatabase } from "../support/scratch-database";

const WORDS = "20261204100000_words_in_the_ui";

const org = "00000000-0000-7000-8000-000000000001";
const instance = "00000000-0000-7000-8000-000000000002";
const contact = "00000000-0000-7000-8000-000000000003";
const id = (n: number) => `00000000-0000-7000-8000-0000000002${String(n).padStart(2, "0")}`;

/** Previews and consent evidence as the server used to word them, in pt-BR. */
const legacy = `
  SELECT set_config('mirage.organization_id', '${org}', false);
  INSERT INTO organizations (id, name, updated_at) VALUES ('${org}', 'Legado', now());
  INSERT INTO instances (id, organization_id, name, provider_name, webhook_secret_hash, updated_at)
    VALUES ('${instance}', '${org}', 'n1', 'legacy-n1', 'x', now());
  INSERT INTO contacts (id, organization_id, updated_at) VALUES ('${contact}', '${org}', now());
  INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, last_message_preview, updated_at)
  SELECT v.id::uuid, '${org}', '${instance}', 'direct', v.id, v.id, v.preview, now()
  FROM (VALUES
    ('${id(1)}', 'Oi, tudo bem?'),
    ('${id(2)}', '📷 Foto'),
    ('${id(3)}', '🎥 Vídeo: olha isso'),
    ('${id(4)}', '📄 contrato.pdf'),
    ('${id(5)}', '🚫 Mensagem apagada'),
    ('${id(6)}', '🎤 Mensagem de voz'),
    ('${id(7)}', NULL)
  ) AS v(id, preview);
  INSERT INTO consent_events (id, organization_id, contact_id, status, source, evidence)
  SELECT v.id::uuid, '${org}', '${contact}', v.status::"ConsentStatus", v.source::"ConsentSource", v.evidence
  FROM (VALUES
    ('${id(11)}', 'opted_in', 'import', 'Importação clientes.csv (linha 5)'),
    ('${id(12)}', 'opted_in', 'import', 'Planilha do site, coluna Aceite (linha 7)'),
    ('${id(13)}', 'opted_out', 'whatsapp', 'Mensagem recebida pelo WhatsApp: "SAIR"'),
    ('${id(14)}', 'opted_out', 'whatsapp',
     'Mensagem recebida pelo WhatsApp: "não quero mais" — pedido de saída reconhecido pela IA (local/nlpjs 3, confiança 0.93)'),
    ('${id(15)}', 'opted_out', 'whatsapp',
     'Mensagem recebida pelo WhatsApp: "para de mandar" — pedido de saída reconhecido por um atendente na revisão da IA'),
    ('${id(16)}', 'opted_in', 'manual', 'Ligou pedindo para voltar a receber')
  ) AS v(id, status, source, evidence);`;

const snapshot = `
  SELECT (SELECT json_agg(json_build_object('preview', last_message_preview, 'kind', last_message_kind) ORDER BY id)
          FROM conversations) AS previews,
         (SELECT json_agg(json_build_object('evidence', evidence, 'code', evidence_code, 'params', evidence_params) ORDER BY id)
          FROM consent_events) AS evidence`;

describe("the words-in-the-UI migration", () => {
  let url: string;
  let client: pg.Client;
  beforeAll(async () => {
    url = await scratchDatabase("mirage_words_migration");
    await migrateUntil(url, WORDS);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(legacy);
  });
  afterAll(async () => {
    await client?.end();
  });

  it("keeps each preview's own text with its kind and each evidence's own words with a code; a second run changes nothing", async () => {
    expect(await migrateUntil(url, WORDS, { through: true })).toEqual([WORDS]);
    // Read inside the organization: the migration left row-level security forced.
    const converted = (await client.query(snapshot)).rows[0];
    expect(converted).toEqual({
      previews: [
        { preview: "Oi, tudo bem?", kind: "text" },
        { preview: null, kind: "image" },
        { preview: "olha isso", kind: "video" },
        { preview: "contrato.pdf", kind: "document" },
        { preview: null, kind: "revoked" },
        { preview: null, kind: "voice" },
        { preview: null, kind: null },
      ],
      evidence: [
        { evidence: null, code: "import_file_row", params: { file: "clientes.csv", row: 5 } },
        { evidence: "Planilha do site, coluna Aceite", code: "import_row", params: { row: 7 } },
        { evidence: "SAIR", code: "whatsapp_message", params: {} },
        {
          evidence: "não quero mais",
          code: "ai_detected_opt_out",
          params: { engine: "local/nlpjs 3", confidence: 0.93 },
        },
        { evidence: "para de mandar", code: "agent_reviewed_opt_out", params: {} },
        { evidence: "Ligou pedindo para voltar a receber", code: null, params: {} },
      ],
    });

    const sql = readFileSync(path.join(defaultMigrationsDir, WORDS, "migration.sql"), "utf8");
    // The columns exist now: replay the conversion only, as a second run of it would be.
    await client.query("BEGIN");
    await client.query(sql.slice(sql.indexOf("-- Forced row-level security")));
    await client.query("COMMIT");
    expect((await client.query(snapshot)).rows[0]).toEqual(converted);
    // The runner does not apply it again; only later migrations run, on the converted rows.
    const later = await migrate({ databaseUrl: url });
    expect(later).not.toContain(WORDS);
    expect(later.every((name) => name > WORDS)).toBe(true);
  });
});
