import type pg from "pg";

/**
 * The raw baseline's tables, in schema `raw` of the same database: copies of Mirage's own tables
 * (columns, generated columns, defaults, unique and search indexes) without Row-Level Security,
 * foreign keys or triggers.
 */
export async function createRawTables(admin: pg.Pool): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS raw CASCADE`);
  await admin.query(`CREATE SCHEMA raw`);
  for (const table of ["webhook_deliveries", "contacts", "conversations", "messages"]) {
    await admin.query(`CREATE TABLE raw.${table} (LIKE public.${table} INCLUDING ALL)`);
  }
}

export async function dropRawTables(admin: pg.Pool): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS raw CASCADE`);
}

/**
 * Applies one stored raw event in a single statement: marks it processed, upserts the contact and the
 * conversation (activity, preview, unread count) and inserts the message, idempotently.
 */
export const RAW_PROCESS_SQL = `
WITH ev AS (
  UPDATE raw.webhook_deliveries SET processed_at = now(), attempts = attempts + 1
  WHERE id = $1 AND processed_at IS NULL
  RETURNING organization_id, instance_id, payload->'data' AS data
), p AS (
  SELECT organization_id, instance_id,
    data->'key'->>'id' AS provider_id,
    split_part(data->'key'->>'remoteJid', '@', 1) AS digits,
    coalesce((data->'key'->>'fromMe')::boolean, false) AS from_me,
    data->>'pushName' AS push_name,
    data->'message'->>'conversation' AS body,
    to_timestamp((data->>'messageTimestamp')::bigint) AS sent_at
  FROM ev
), ct AS (
  INSERT INTO raw.contacts AS c (id, organization_id, phone_e164, push_name, last_interaction_at, created_at, updated_at)
  SELECT uuidv7(), organization_id, '+' || digits, CASE WHEN from_me THEN NULL ELSE push_name END, sent_at, now(), now()
  FROM p
  ON CONFLICT (organization_id, phone_e164) DO UPDATE SET
    push_name = coalesce(EXCLUDED.push_name, c.push_name),
    last_interaction_at = greatest(c.last_interaction_at, EXCLUDED.last_interaction_at),
    updated_at = now()
  RETURNING c.id
), cv AS (
  INSERT INTO raw.conversations AS v (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id,
    unread_count, last_activity_at, last_message_preview, last_message_direction, last_inbound_at, created_at, updated_at)
  SELECT uuidv7(), p.organization_id, p.instance_id, 'direct'::"ConversationKind", ct.id::text, p.digits, ct.id,
    CASE WHEN p.from_me THEN 0 ELSE 1 END, p.sent_at, left(p.body, 200),
    (CASE WHEN p.from_me THEN 'outbound' ELSE 'inbound' END)::"MessageDirection",
    CASE WHEN p.from_me THEN NULL ELSE p.sent_at END, now(), now()
  FROM p CROSS JOIN ct
  ON CONFLICT (instance_id, chat_key) DO UPDATE SET
    last_message_preview = CASE WHEN EXCLUDED.last_activity_at >= v.last_activity_at
      THEN EXCLUDED.last_message_preview ELSE v.last_message_preview END,
    last_message_direction = CASE WHEN EXCLUDED.last_activity_at >= v.last_activity_at
      THEN EXCLUDED.last_message_direction ELSE v.last_message_direction END,
    last_activity_at = greatest(v.last_activity_at, EXCLUDED.last_activity_at),
    unread_count = v.unread_count + EXCLUDED.unread_count,
    last_inbound_at = greatest(v.last_inbound_at, EXCLUDED.last_inbound_at),
    status = CASE WHEN EXCLUDED.unread_count > 0 AND v.status = 'closed'::"ConversationStatus"
      THEN 'open'::"ConversationStatus" ELSE v.status END,
    closed_at = CASE WHEN EXCLUDED.unread_count > 0 THEN NULL ELSE v.closed_at END,
    updated_at = now()
  RETURNING v.id
)
INSERT INTO raw.messages (id, organization_id, instance_id, conversation_id, provider_message_id, direction, type, body,
  status, sender_contact_id, sender_name, sent_at, created_at, updated_at)
SELECT uuidv7(), p.organization_id, p.instance_id, cv.id, p.provider_id,
  (CASE WHEN p.from_me THEN 'outbound' ELSE 'inbound' END)::"MessageDirection", 'text'::"MessageType", p.body,
  (CASE WHEN p.from_me THEN 'sent' ELSE 'received' END)::"MessageStatus",
  CASE WHEN p.from_me THEN NULL ELSE ct.id END, p.push_name, p.sent_at, now(), now()
FROM p CROSS JOIN ct CROSS JOIN cv
ON CONFLICT (instance_id, provider_message_id) DO NOTHING`;

/**
 * Processes the stored raw events (oldest first) with `concurrency` statements in flight, for at most
 * `maxSeconds`. Returns messages inserted and the time taken.
 */
export async function processRawEvents(
  pool: pg.Pool,
  options: { concurrency: number; maxSeconds: number },
): Promise<{ events: number; messages: number; seconds: number; finished: boolean }> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM raw.webhook_deliveries WHERE processed_at IS NULL ORDER BY received_at, id`,
  );
  const ids = rows.map((row) => row.id);
  let next = 0;
  let messages = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const lane = async () => {
    while (next < ids.length && performance.now() < deadline) {
      const id = ids[next++]!;
      const result = await pool.query(RAW_PROCESS_SQL, [id]);
      messages += result.rowCount ?? 0;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return {
    events: next,
    messages,
    seconds: (performance.now() - started) / 1000,
    finished: next >= ids.length,
  };
}
