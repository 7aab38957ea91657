-- The last words worded on the server move to the UI: a conversation's preview keeps the message's own
-- text and its kind (the UI labels it, "📷 Foto" / "📷 Photo"), and an import's consent entries say
-- where they came from as a code with parameters instead of "Importação clientes.csv (linha 5)" or
-- "Mensagem recebida pelo WhatsApp: …".
ALTER TABLE "conversations" ADD COLUMN "last_message_kind" TEXT;
ALTER TABLE "consent_events" ADD COLUMN "evidence_code" TEXT,
ADD COLUMN "evidence_params" JSONB NOT NULL DEFAULT '{}';

-- Forced row-level security would hide every row from these updates (no organization is set here):
-- lifted for the migration's own transaction, as the codes migration does.
ALTER TABLE "conversations" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "consent_events" NO FORCE ROW LEVEL SECURITY;

-- The labels the server used to write in front of a preview ("<label>" or "<label>: <text>").
CREATE TEMPORARY TABLE preview_labels (label text PRIMARY KEY, kind text NOT NULL) ON COMMIT DROP;
INSERT INTO preview_labels (label, kind) VALUES
  ('Nota', 'note'),
  ('📷 Foto', 'image'),
  ('🎥 Vídeo', 'video'),
  ('🎵 Áudio', 'audio'),
  ('🎤 Mensagem de voz', 'voice'),
  ('📄 Documento', 'document'),
  ('Figurinha', 'sticker'),
  ('📍 Localização', 'location'),
  ('👤 Contato', 'contact'),
  ('Mensagem não suportada', 'unsupported'),
  ('🚫 Mensagem apagada', 'revoked');

UPDATE "conversations" AS c SET
  "last_message_kind" = l.kind,
  "last_message_preview" = NULLIF(substr(c."last_message_preview", length(l.label) + 3), '')
FROM preview_labels AS l
WHERE c."last_message_kind" IS NULL
  AND (c."last_message_preview" = l.label OR c."last_message_preview" LIKE l.label || ': %');

-- A document with its file name: "📄 contrato.pdf".
UPDATE "conversations" SET
  "last_message_kind" = 'document',
  "last_message_preview" = substr("last_message_preview", 3)
WHERE "last_message_kind" IS NULL AND "last_message_preview" LIKE '📄 %';

-- Everything else was a text message's own words.
UPDATE "conversations" SET "last_message_kind" = 'text'
WHERE "last_message_kind" IS NULL AND "last_message_preview" IS NOT NULL;

-- "Importação clientes.csv (linha 5)": the import's own default, nothing the person wrote.
UPDATE "consent_events" AS e SET
  "evidence" = NULL,
  "evidence_code" = 'import_file_row',
  "evidence_params" = jsonb_build_object('file', x.m[1], 'row', x.m[2]::int)
FROM (
  SELECT id, regexp_match("evidence", '^Importação (.*) \(linha (\d+)\)$') AS m
  FROM "consent_events" WHERE "source" = 'import' AND "evidence_code" IS NULL
) AS x
WHERE e.id = x.id AND x.m IS NOT NULL;

-- "<what the person wrote> (linha 5)": their words stay, the row becomes a parameter.
UPDATE "consent_events" AS e SET
  "evidence" = x.m[1],
  "evidence_code" = 'import_row',
  "evidence_params" = jsonb_build_object('row', x.m[2]::int)
FROM (
  SELECT id, regexp_match("evidence", '^(.*) \(linha (\d+)\)$') AS m
  FROM "consent_events" WHERE "source" = 'import' AND "evidence_code" IS NULL
) AS x
WHERE e.id = x.id AND x.m IS NOT NULL;

-- Opt-outs from a WhatsApp message: the message stays as the evidence, how it was recognised becomes a code.
UPDATE "consent_events" AS e SET
  "evidence" = x.m[1],
  "evidence_code" = 'ai_detected_opt_out',
  "evidence_params" = jsonb_build_object('engine', x.m[2], 'confidence', x.m[3]::numeric)
FROM (
  SELECT id,
         regexp_match("evidence", '^Mensagem recebida pelo WhatsApp: "(.*)" — pedido de saída reconhecido pela IA \((.*), confiança ([0-9.]+)\)$') AS m
  FROM "consent_events" WHERE "evidence_code" IS NULL
) AS x
WHERE e.id = x.id AND x.m IS NOT NULL;

UPDATE "consent_events" AS e SET "evidence" = x.m[1], "evidence_code" = 'agent_reviewed_opt_out'
FROM (
  SELECT id,
         regexp_match("evidence", '^Mensagem recebida pelo WhatsApp: "(.*)" — pedido de saída reconhecido por um atendente na revisão da IA$') AS m
  FROM "consent_events" WHERE "evidence_code" IS NULL
) AS x
WHERE e.id = x.id AND x.m IS NOT NULL;

UPDATE "consent_events" AS e SET "evidence" = x.m[1], "evidence_code" = 'whatsapp_message'
FROM (
  SELECT id, regexp_match("evidence", '^Mensagem recebida pelo WhatsApp: "(.*)"$') AS m
  FROM "consent_events" WHERE "evidence_code" IS NULL
) AS x
WHERE e.id = x.id AND x.m IS NOT NULL;

ALTER TABLE "conversations" FORCE ROW LEVEL SECURITY;
ALTER TABLE "consent_events" FORCE ROW LEVEL SECURITY;
