import type pg from "pg";
import { AGENT_PHRASES, CITIES, CUSTOMER_PHRASES, FIRST_NAMES, LAST_NAMES, PRODUCTS } from "./text";

export interface SeedPlan {
  organizationId: string;
  instanceIds: string[];
  /** Users conversations get assigned to (the owner first). */
  assigneeIds: string[];
  tagIds: string[];
  conversations: number;
  messages: number;
  /** Days the messages spread over, up to now (default 90). */
  days?: number;
  log: (line: string) => void;
}

/** `count` agents of the organization (users with memberships, no usable password); returns their user ids. */
export async function seedAgents(
  client: pg.Pool | pg.PoolClient,
  organizationId: string,
  count: number,
): Promise<string[]> {
  const agents = await client.query<{ id: string }>(
    `WITH u AS (
       INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
       SELECT uuidv7(), 'agent-' || g || '-' || $2 || '@example.com', 'Atendente ' || g, 'not-a-hash', now(), now()
       FROM generate_series(1, $3::int) g RETURNING id)
     INSERT INTO memberships (id, organization_id, user_id, role, created_at, updated_at)
     SELECT uuidv7(), $1::uuid, id, 'agent', now(), now() FROM u RETURNING user_id AS id`,
    [organizationId, organizationId.slice(0, 8), count],
  );
  return agents.rows.map((row) => row.id);
}

/** Messages inserted per statement, so progress shows and no single statement runs for minutes. */
const CHUNK = 250_000;

/**
 * Seeds an organization's inbox straight in SQL (as the database owner, foreign-key triggers off for
 * speed; consistency comes from construction): contacts, one direct conversation per (instance,
 * contact), messages over the last `days` (90) days with a skewed spread (a few long chats, many short ones), then
 * every conversation's activity time, preview, direction and unread count from its messages.
 */
export async function seedInbox(client: pg.PoolClient, plan: SeedPlan): Promise<void> {
  const { organizationId: org, conversations: C, messages: M, log } = plan;
  if (M < C) throw new Error("need at least one message per conversation");
  // Every contact has one or two conversations, on different instances (a contact count not divisible by 3).
  let contacts = Math.ceil(C * 0.9);
  if (contacts % plan.instanceIds.length === 0) contacts++;
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);

  const timed = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  await client.query(`DROP TABLE IF EXISTS seed_contacts, seed_conversations`);
  await timed(
    "contacts",
    `CREATE TEMP TABLE seed_contacts AS SELECT g, uuidv7() AS id FROM generate_series(0, $1::int - 1) g`,
    [contacts],
  );
  await timed(
    "contacts",
    `INSERT INTO contacts (id, organization_id, name, push_name, phone_e164, last_interaction_at, created_at, updated_at)
     SELECT id, $1::uuid,
       CASE WHEN g % 3 <> 0 THEN f[1 + g % array_length(f, 1)] || ' ' || l[1 + (g / array_length(f, 1)) % array_length(l, 1)]
            || CASE WHEN g % 7 = 0 THEN ' ' || l[1 + (g / 11) % array_length(l, 1)] ELSE '' END END,
       CASE WHEN g % 10 <> 0 THEN f[1 + (g * 7) % array_length(f, 1)] END,
       '+551198' || lpad(g::text, 7, '0'),
       NULL, now() - interval '120 days', now()
     FROM seed_contacts, (SELECT $2::text[] AS f, $3::text[] AS l) names`,
    [org, FIRST_NAMES, LAST_NAMES],
  );
  await client.query(`CREATE UNIQUE INDEX ON seed_contacts (g)`);

  await timed(
    "conversations",
    `CREATE TEMP TABLE seed_conversations AS
     SELECT s.g, uuidv7() AS id, ($2::uuid[])[1 + s.g % array_length($2::uuid[], 1)] AS instance_id, c.id AS contact_id,
       c.g AS contact_g
     FROM generate_series(0, $1::int - 1) s(g) JOIN seed_contacts c ON c.g = s.g % $3::int`,
    [C, plan.instanceIds, contacts],
  );
  await client.query(`CREATE UNIQUE INDEX ON seed_conversations (g)`);
  await client.query(`ANALYZE seed_contacts`);
  await client.query(`ANALYZE seed_conversations`);
  // Status: 60% closed, 25% open, 15% pending; 70% assigned.
  await timed(
    "conversations",
    `INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id, status, assignee_id,
       unread_count, last_activity_at, created_at, updated_at)
     SELECT id, $1::uuid, instance_id, 'direct'::"ConversationKind", contact_id::text, '551198' || lpad(contact_g::text, 7, '0'),
       contact_id,
       (CASE WHEN g % 20 < 12 THEN 'closed' WHEN g % 20 < 17 THEN 'open' ELSE 'pending' END)::"ConversationStatus",
       CASE WHEN g % 10 < 7 THEN ($2::uuid[])[1 + (g / 10) % array_length($2::uuid[], 1)] END,
       0, now(), now() - interval '100 days', now()
     FROM seed_conversations`,
    [org, plan.assigneeIds],
  );

  for (let low = 0; low < M; low += CHUNK) {
    const high = Math.min(M, low + CHUNK) - 1;
    await timed(
      `messages ${low + 1}–${high + 1}`,
      `INSERT INTO messages (id, organization_id, instance_id, conversation_id, provider_message_id, direction, type, body,
         status, sender_contact_id, sender_name, author_user_id, sent_at, created_at, updated_at)
       SELECT uuidv7(), $1::uuid, c.instance_id, c.id, '3EB0' || lpad(upper(to_hex(s.g)), 16, '0'),
         (CASE WHEN s.outbound THEN 'outbound' ELSE 'inbound' END)::"MessageDirection", 'text'::"MessageType",
         (CASE WHEN s.outbound THEN ap[1 + floor(s.r1 * array_length(ap, 1))::int] ELSE cp[1 + floor(s.r1 * array_length(cp, 1))::int] END)
         || CASE WHEN s.r2 < 0.35 THEN ' É sobre o ' || pr[1 + floor(s.r3 * array_length(pr, 1))::int] || ', pedido '
                   || (10000 + floor(s.r4 * 90000))::int || '.'
                 WHEN s.r2 < 0.5 THEN ' Moro em ' || ci[1 + floor(s.r3 * array_length(ci, 1))::int] || '.'
                 ELSE '' END
         || CASE WHEN s.r5 < 0.3 THEN ' ' || cp[1 + floor(s.r4 * array_length(cp, 1))::int] ELSE '' END,
         (CASE WHEN s.outbound THEN (CASE WHEN s.r4 < 0.8 THEN 'read' ELSE 'delivered' END) ELSE 'received' END)::"MessageStatus",
         CASE WHEN s.outbound THEN NULL ELSE c.contact_id END,
         NULL,
         CASE WHEN s.outbound AND s.r5 < 0.6 THEN ($6::uuid[])[1 + floor(s.r3 * array_length($6::uuid[], 1))::int] END,
         s.sent_at, s.sent_at, s.sent_at
       FROM (
         SELECT g, CASE WHEN g < $4::int THEN g ELSE floor($4::int * random() ^ 2)::int END AS cg,
           random() < 0.35 AS outbound, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
           now() - random() * $10::int * interval '1 day' AS sent_at
         FROM generate_series($2::int, $3::int) g
       ) s
       JOIN seed_conversations c ON c.g = s.cg,
       (SELECT $5::text[] AS cp, $7::text[] AS ap, $8::text[] AS pr, $9::text[] AS ci) texts`,
      [org, low, high, C, CUSTOMER_PHRASES, plan.assigneeIds, AGENT_PHRASES, PRODUCTS, CITIES, plan.days ?? 90],
    );
  }

  // Fresh statistics first, or the planner joins a million unanalysed rows by nested loops.
  await client.query(`ANALYZE messages`);
  await client.query(`ANALYZE conversations`);
  await timed(
    "conversation activity and previews",
    `UPDATE conversations c SET
       last_activity_at = l.sent_at,
       last_message_preview = left(regexp_replace(l.body, '\\s+', ' ', 'g'), 140),
       last_message_direction = l.direction,
       last_inbound_at = a.last_in,
       unread_count = CASE WHEN c.status <> 'closed' AND l.direction = 'inbound' THEN 1 + (hashtext(c.id::text) & 3) ELSE 0 END,
       closed_at = CASE WHEN c.status = 'closed' THEN l.sent_at END,
       created_at = a.first_at,
       updated_at = l.sent_at
     FROM (SELECT DISTINCT ON (conversation_id) conversation_id, sent_at, body, direction FROM messages
           WHERE organization_id = $1::uuid ORDER BY conversation_id, sent_at DESC, id DESC) l,
          (SELECT conversation_id, min(sent_at) AS first_at, max(sent_at) FILTER (WHERE direction = 'inbound') AS last_in
           FROM messages WHERE organization_id = $1::uuid GROUP BY conversation_id) a
     WHERE c.id = l.conversation_id AND a.conversation_id = l.conversation_id AND c.organization_id = $1::uuid`,
    [org],
  );
  await timed(
    "contact activity",
    `UPDATE contacts ct SET last_interaction_at = x.last_at
     FROM (SELECT contact_id, max(last_activity_at) AS last_at FROM conversations WHERE organization_id = $1::uuid
           GROUP BY contact_id) x
     WHERE ct.id = x.contact_id`,
    [org],
  );
  // One tag on 20% of conversations.
  await timed(
    "conversation tags",
    `INSERT INTO conversation_tags (conversation_id, tag_id, organization_id, created_at)
     SELECT id, ($2::uuid[])[1 + (g / 5) % array_length($2::uuid[], 1)], $1::uuid, now()
     FROM seed_conversations WHERE g % 5 = 0`,
    [org, plan.tagIds],
  );
  await client.query(`DROP TABLE seed_contacts, seed_conversations`);
  await client.query(`RESET session_replication_role`);
  for (const table of ["contacts", "conversations", "messages", "conversation_tags"]) {
    await timed(`vacuum analyze ${table}`, `VACUUM (ANALYZE) ${table}`);
  }
}
