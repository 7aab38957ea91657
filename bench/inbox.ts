/**
 * Inbox benchmark: an organization with 1M messages in 100k conversations (3 instances), seeded in
 * SQL, then p50/p95 of the inbox's read paths through the real domain functions (Prisma, Row-Level
 * Security) and, optionally, over HTTP tRPC. Ends with one JSON line of figures.
 *   npm run bench:inbox -- [--messages=1000000] [--conversations=100000] [--scale=10] [--samples=100]
 *                          [--keep] [--explain] [--no-http]
 * --keep reuses the data directory (.data/bench-inbox) and an inbox already seeded with the same sizes.
 * --explain prints EXPLAIN (ANALYZE, BUFFERS) of the main queries, run as the application role.
 */
import path from "node:path";
import pg from "pg";
import { startStack } from "../scripts/stack";
import { withOrganization } from "../src/server/db/tenant";
import { createInstance } from "../src/server/domain/instances/create-instance";
import { listConversations } from "../src/server/domain/conversations/list-conversations";
import { searchConversations } from "../src/server/domain/conversations/search-conversations";
import { listMessages } from "../src/server/domain/messages/list-messages";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { listConversationsInput, listMessagesInput, searchConversationsInput } from "../src/shared/schemas/inbox";
import { signInOverHttp } from "../tests/support/http-session";
import { booleanFlag, machine, numberFlag, pass, percentile, round1, superuserUrl } from "./support/common";
import { seedAgents, seedInbox } from "./support/inbox-seed";
import { reportPeakRss } from "./support/peak-rss";
import { rng } from "./support/text";

const SCALE = numberFlag("scale", 1);
const MESSAGES = numberFlag("messages", 1_000_000) * SCALE;
const CONVERSATIONS = numberFlag("conversations", 100_000) * SCALE;
const SAMPLES = Math.max(100, numberFlag("samples", 100));
const DEEP_PAGES = numberFlag("deep-pages", 50);
const KEEP = booleanFlag("keep");
const EXPLAIN = booleanFlag("explain");
const HTTP = !booleanFlag("no-http");
const TARGETS = { listP95Ms: 25, historyP95Ms: 30, searchP95Ms: 150 };
const INSTANCES = 3;
const AGENTS = 4;
const PASSWORD = "bench-password-123";

const env = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-inbox"),
  EMBEDDED_PG_PORT: "54389",
  PORT: "3260",
  APP_URL: "http://localhost:3260",
  SIMULATOR_PORT: "8260",
  LOG_LEVEL: "warn",
  // The bench measures latency, not the per-member API rate limit.
  RATE_LIMIT_API_PER_MINUTE: "10000000",
};

type Group = "list" | "history" | "search" | "floor";
interface Measurement {
  name: string;
  group: Group;
  via: "domain" | "http";
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetP95Ms: number | null;
  pass: boolean | null;
}

const targetOf = (group: Group) =>
  group === "list"
    ? TARGETS.listP95Ms
    : group === "history"
      ? TARGETS.historyP95Ms
      : group === "search"
        ? TARGETS.searchP95Ms
        : null;

async function main() {
  const stack = await startStack({ env, fresh: !KEEP, log: (l) => console.log(`[bench] ${l}`) });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  }
  const admin = new pg.Pool({ connectionString: superuserUrl(env.MIRAGE_DATA_DIR, env.EMBEDDED_PG_PORT), max: 2 });
  try {
    const organizationName = `Bench inbox ${MESSAGES}/${CONVERSATIONS}`;
    const ownerEmail = `bench-inbox-${MESSAGES}-${CONVERSATIONS}@example.com`;
    const existing = await admin.query<{ organization_id: string; user_id: string }>(
      `SELECT m.organization_id, m.user_id FROM organizations o JOIN memberships m ON m.organization_id = o.id
       WHERE o.name = $1 AND m.role = 'owner' LIMIT 1`,
      [organizationName],
    );
    let organizationId: string;
    let ownerId: string;
    if (existing.rows[0]) {
      ({ organization_id: organizationId, user_id: ownerId } = existing.rows[0]);
      console.log(`[bench] reusing the seeded inbox of ${organizationName}`);
    } else {
      const { organization, user } = await createOrganization({
        organizationName,
        owner: { name: "Dona da loja", email: ownerEmail, password: PASSWORD },
      });
      organizationId = organization.id;
      ownerId = user.id;
      const actor = { userId: ownerId, organizationId, role: "owner" as const };
      const instanceIds: string[] = [];
      for (let i = 0; i < INSTANCES; i++) {
        const instance = await createInstance(actor, {
          name: ["Atendimento", "Vendas", "Pós-venda"][i] ?? `Número ${i + 1}`,
          purpose: "atendimento",
          dailySendLimit: 1000,
        });
        instanceIds.push(instance.id);
      }
      const agentIds = await seedAgents(admin, organizationId, AGENTS);
      const tags = await admin.query<{ id: string }>(
        `INSERT INTO tags (id, organization_id, name, color, created_at)
         SELECT uuidv7(), $1::uuid, name, color, now()
         FROM unnest(ARRAY['Urgente','Troca','Reembolso','Atacado','VIP'], ARRAY['red','orange','violet','blue','yellow'])
           AS t(name, color) RETURNING id`,
        [organizationId],
      );
      console.log(`[bench] seeding ${MESSAGES} messages in ${CONVERSATIONS} conversations…`);
      const started = performance.now();
      const client = await admin.connect();
      try {
        await seedInbox(client, {
          organizationId,
          instanceIds,
          assigneeIds: [ownerId, ...agentIds],
          tagIds: tags.rows.map((r) => r.id),
          conversations: CONVERSATIONS,
          messages: MESSAGES,
          log: (line) => console.log(`[bench]   ${line}`),
        });
      } finally {
        client.release();
      }
      console.log(`[bench] seeded in ${round1((performance.now() - started) / 1000)} s`);
    }
    const actor = { userId: ownerId, organizationId, role: "owner" as const };
    const sizes = (
      await admin.query<{ messages: string; conversations: string; contacts: string; bytes: string }>(
        `SELECT (SELECT count(*) FROM messages WHERE organization_id = $1) AS messages,
                (SELECT count(*) FROM conversations WHERE organization_id = $1) AS conversations,
                (SELECT count(*) FROM contacts WHERE organization_id = $1) AS contacts,
                pg_database_size(current_database()) AS bytes`,
        [organizationId],
      )
    ).rows[0]!;
    console.log(
      `[bench] ${sizes.messages} messages, ${sizes.conversations} conversations, ${sizes.contacts} contacts; database ${round1(Number(sizes.bytes) / 1024 ** 3)} GiB`,
    );

    const random = rng(20261125);
    const sampleIds = async (sql: string, limit: number) =>
      (await admin.query<{ id: string }>(sql, [organizationId, limit])).rows.map((r) => r.id);
    const conversations = await sampleIds(
      `SELECT id FROM conversations WHERE organization_id = $1 ORDER BY random() LIMIT $2`,
      SAMPLES,
    );
    const longConversations = await sampleIds(
      `SELECT conversation_id AS id FROM messages WHERE organization_id = $1 GROUP BY conversation_id
       HAVING count(*) >= 100 ORDER BY random() LIMIT $2`,
      SAMPLES,
    );
    const tagId = (
      await admin.query<{ id: string }>(`SELECT id FROM tags WHERE organization_id = $1 ORDER BY name LIMIT 1`, [
        organizationId,
      ])
    ).rows[0]?.id;
    const phoneTails = (
      await admin.query<{ tail: string }>(
        `SELECT right(phone_e164, 4) AS tail FROM contacts WHERE organization_id = $1 ORDER BY random() LIMIT 20`,
        [organizationId],
      )
    ).rows.map((r) => r.tail);

    const measurements: Measurement[] = [];
    const measure = async (
      name: string,
      group: Group,
      call: (i: number) => Promise<unknown>,
      via: "domain" | "http" = "domain",
    ) => {
      for (let i = 0; i < 5; i++) await call(i);
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        await call(i);
        times.push(performance.now() - started);
      }
      const target = targetOf(group);
      const p95 = percentile(times, 95);
      const m: Measurement = {
        name,
        group,
        via,
        samples: times.length,
        p50Ms: percentile(times, 50),
        p95Ms: p95,
        maxMs: percentile(times, 100),
        targetP95Ms: target,
        pass: target === null ? null : p95 <= target,
      };
      measurements.push(m);
      console.log(
        `  ${`${name}${via === "http" ? " (HTTP)" : ""}`.padEnd(46)} p50 ${String(m.p50Ms).padStart(6)} ms  p95 ${String(m.p95Ms).padStart(6)} ms` +
          (target === null ? "  (no target: the floor under every call)" : `  target ≤ ${target} ms: ${pass(m.pass!)}`),
      );
    };

    console.log(`[bench] floor: one empty transaction bound to the organization (BEGIN, set_config, COMMIT)`);
    await measure("floor: empty withOrganization", "floor", () => withOrganization(organizationId, async () => null));

    const list = (input: Record<string, unknown>) => listConversations(actor, listConversationsInput.parse(input));
    console.log(`[bench] conversation list`);
    await measure("list: first page", "list", () => list({}));
    let cursor: { at: string; id: string } | null = null;
    for (let page = 0; page < DEEP_PAGES; page++) cursor = (await list({ cursor })).nextCursor;
    const deepCursor = cursor;
    await measure(`list: keyset page ${DEEP_PAGES} deep`, "list", () => list({ cursor: deepCursor }));
    await measure("list: status open", "list", () => list({ status: "open" }));
    await measure("list: assigned to me", "list", () => list({ assignee: "me" }));
    await measure("list: open + assigned to me", "list", () => list({ status: "open", assignee: "me" }));
    await measure("list: unassigned", "list", () => list({ assignee: "none" }));
    await measure("list: unread only", "list", () => list({ unreadOnly: true }));
    if (tagId) await measure("list: tag", "list", () => list({ tagId }));

    console.log(`[bench] history`);
    const history = (conversationId: string, before?: { at: string; id: string } | null) =>
      listMessages(actor, listMessagesInput.parse({ conversationId, before }));
    await measure("history: first page", "history", (i) => history(conversations[i % conversations.length]!));
    const olderCursors: { conversationId: string; before: { at: string; id: string } }[] = [];
    for (const conversationId of longConversations) {
      const first = await history(conversationId);
      if (first.olderCursor) olderCursors.push({ conversationId, before: first.olderCursor });
    }
    if (olderCursors.length)
      await measure("history: older page", "history", (i) => {
        const target = olderCursors[i % olderCursors.length]!;
        return history(target.conversationId, target.before);
      });

    console.log(`[bench] search`);
    const search = (query: string) => searchConversations(actor, searchConversationsInput.parse({ query }));
    const wordQueries = ["reembolso", "prazo de entrega", "nota fiscal", "cupom desconto", "tenis de corrida", "Pix"];
    const nameQueries = ["silva", "mari", "fernanda", "rodrigues", "joão sou", "leticia"];
    await measure("search: words", "search", (i) => search(wordQueries[i % wordQueries.length]!));
    await measure("search: name fragment", "search", (i) => search(nameQueries[i % nameQueries.length]!));
    await measure("search: phone fragment", "search", (i) => search(phoneTails[i % phoneTails.length] ?? "1234"));

    if (HTTP) {
      console.log(`[bench] the same over HTTP tRPC (session cookie, superjson)`);
      const cookie = await signInOverHttp(ownerEmail, PASSWORD, env.APP_URL);
      const get = async (procedure: string, input: unknown) => {
        const url = `${env.APP_URL}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
        const response = await fetch(url, { headers: { cookie } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${procedure}: HTTP ${response.status}`);
      };
      await measure("list: first page", "list", () => get("conversations.list", {}), "http");
      await measure(
        "history: first page",
        "history",
        (i) => get("conversations.messages", { conversationId: conversations[i % conversations.length] }),
        "http",
      );
      await measure(
        "search: words",
        "search",
        (i) => get("conversations.search", { query: wordQueries[i % wordQueries.length] }),
        "http",
      );
    }

    if (EXPLAIN) {
      await explainAll({
        organizationId,
        ownerId,
        deepCursor,
        conversationId: conversations[Math.floor(random() * conversations.length)]!,
        older: olderCursors[0] ?? null,
        word: "prazo de entrega",
        name: "silva",
        digits: phoneTails[0] ?? "1234",
      });
    }

    const failing = measurements.filter((m) => m.pass === false);
    const judged = measurements.filter((m) => m.pass !== null);
    console.log("");
    console.log(
      `Inbox at ${sizes.messages} messages / ${sizes.conversations} conversations: ${judged.length - failing.length}/${judged.length} within target` +
        (failing.length
          ? ` (failing: ${failing.map((m) => `${m.name}${m.via === "http" ? " (HTTP)" : ""}`).join(", ")})`
          : ""),
    );
    const figures = {
      benchmark: "inbox",
      machine: machine(),
      settings: {
        messages: MESSAGES,
        conversations: CONVERSATIONS,
        samples: SAMPLES,
        deepPages: DEEP_PAGES,
        instances: INSTANCES,
      },
      data: {
        messages: Number(sizes.messages),
        conversations: Number(sizes.conversations),
        contacts: Number(sizes.contacts),
        databaseGiB: round1(Number(sizes.bytes) / 1024 ** 3),
      },
      measurements,
      targets: TARGETS,
      pass: failing.length === 0,
      peakRssMb: reportPeakRss(stack.pids),
    };
    console.log(JSON.stringify(figures));
  } finally {
    await admin.end();
    await stack.stop();
  }
  process.exit(0);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the inbox's main statements, as the application role under RLS. */
async function explainAll(input: {
  organizationId: string;
  ownerId: string;
  deepCursor: { at: string; id: string } | null;
  conversationId: string;
  older: { conversationId: string; before: { at: string; id: string } } | null;
  word: string;
  name: string;
  digits: string;
}) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const org = input.organizationId;
  const statements: [string, string, unknown[]][] = [
    [
      "list: first page",
      `SELECT c.id, c.last_activity_at FROM conversations c WHERE c.organization_id = $1::uuid
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 31`,
      [org],
    ],
    [
      "list: open + assigned to me",
      `SELECT c.id, c.last_activity_at FROM conversations c WHERE c.organization_id = $1::uuid
       AND c.status = 'open'::"ConversationStatus" AND c.assignee_id = $2::uuid
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 31`,
      [org, input.ownerId],
    ],
    [
      "list: unread only",
      `SELECT c.id, c.last_activity_at FROM conversations c WHERE c.organization_id = $1::uuid AND c.unread_count > 0
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 31`,
      [org],
    ],
    [
      "history: first page",
      `SELECT id, sent_at, body FROM messages WHERE conversation_id = $1::uuid ORDER BY sent_at DESC, id DESC LIMIT 41`,
      [input.conversationId],
    ],
    [
      "search: contacts by name",
      `SELECT c.id FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
       WHERE ct.organization_id = $1::uuid AND c.organization_id = $1::uuid AND ct.search_text LIKE lower(mirage_unaccent($2))
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 21`,
      [org, `%${input.name}%`],
    ],
    [
      "search: contacts by phone digits",
      `SELECT c.id FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
       WHERE ct.organization_id = $1::uuid AND c.organization_id = $1::uuid
         AND (ct.search_text LIKE lower(mirage_unaccent($2)) OR ct.search_text LIKE $2)
       ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 21`,
      [org, `%${input.digits}%`],
    ],
    [
      "search: message window edges (newest, 2,000th newest, oldest)",
      `SELECT (SELECT sent_at FROM messages WHERE organization_id = $1::uuid ORDER BY sent_at DESC, id DESC LIMIT 1),
              (SELECT sent_at FROM messages WHERE organization_id = $1::uuid ORDER BY sent_at DESC, id DESC OFFSET 2000 LIMIT 1),
              (SELECT min(sent_at) FROM messages WHERE organization_id = $1::uuid)`,
      [org],
    ],
    ...[input.word, input.name].map((word): [string, string, unknown[]] => [
      `search: messages, first window (newest 2,000 read by time, "${word}")`,
      messageHitsSql(`(SELECT * FROM messages WHERE organization_id = $1::uuid
         AND sent_at >= (SELECT sent_at FROM messages WHERE organization_id = $1::uuid ORDER BY sent_at DESC, id DESC OFFSET 2000 LIMIT 1)
         OFFSET 0)`),
      [org, word],
    ]),
    [
      // A name search that finds too few contacts, or a rare word, ends with one pass over the full-text index.
      `search: messages, exhaustive pass (full-text index, "${input.name}")`,
      messageHitsSql("messages"),
      [org, input.name],
    ],
  ];
  if (input.deepCursor)
    statements.splice(1, 0, [
      "list: deep keyset page",
      `SELECT c.id, c.last_activity_at FROM conversations c WHERE c.organization_id = $1::uuid
       AND (c.last_activity_at, c.id) < ($2::timestamptz, $3::uuid) ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 31`,
      [org, input.deepCursor.at, input.deepCursor.id],
    ]);
  if (input.older)
    statements.push([
      "history: older page",
      `SELECT id, sent_at, body FROM messages WHERE conversation_id = $1::uuid
       AND (sent_at < $2::timestamptz OR (sent_at = $2::timestamptz AND id < $3::uuid))
       ORDER BY sent_at DESC, id DESC LIMIT 41`,
      [input.older.conversationId, input.older.before.at, input.older.before.id],
    ]);
  try {
    for (const [label, sql, params] of statements) {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('mirage.organization_id', $1, true)`, [org]);
      const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      await client.query("ROLLBACK");
      console.log(`\n--- EXPLAIN ANALYZE: ${label}`);
      for (const row of plan.rows) console.log(row["QUERY PLAN"]);
    }
  } finally {
    await client.end();
  }
}

/** The message-hit statement of search-message-hits.ts over `rows` (the first window, or all messages). */
function messageHitsSql(rows: string): string {
  return `SELECT h.conversation_id, h.id, h.sent_at FROM (
      SELECT DISTINCT ON (conversation_id) conversation_id, id, sent_at FROM ${rows} m
      WHERE organization_id = $1::uuid AND search_vector @@ websearch_to_tsquery('mirage_portuguese', $2) AND revoked_at IS NULL
      ORDER BY conversation_id, sent_at DESC, id DESC) h
    JOIN conversations c ON c.id = h.conversation_id LEFT JOIN contacts ct ON ct.id = c.contact_id
    WHERE c.organization_id = $1::uuid AND NOT coalesce(ct.search_text LIKE lower(mirage_unaccent('%' || $2 || '%')), false)
    ORDER BY h.sent_at DESC, h.id DESC LIMIT 21`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
