import type pg from "pg";
import { reportingKinds } from "../../src/server/domain/analytics/reporting-kinds";

/** Days of messages turned into events per statement, so progress shows and no statement runs for minutes. */
const CHUNK_DAYS = 20;

/**
 * The reporting events an inbox seeded by seedInbox would have produced, straight in SQL (as the database
 * owner): one in/out event per message (the live dedupe key, the author as member of outbound ones), and per
 * conversation its assignment, first response (85%), resolution (closed ones) and a reopening (1 in 10 closed),
 * with wall-clock and business-hours durations. Each is written when it happened, as in steady state (the
 * refresh sees no late events).
 */
export async function seedReportingEvents(
  client: pg.PoolClient,
  plan: { organizationId: string; days: number; ownerId: string; log: (line: string) => void },
): Promise<number> {
  const { organizationId: org, log } = plan;
  let total = 0;
  const timed = async (label: string, sql: string, params: unknown[]) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    total += result.rowCount ?? 0;
    log(`${label}: ${result.rowCount ?? 0} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '64MB'`);
  // Oldest days first, the last chunk ending after now (the messages' times are "now() - random() * days").
  for (let start = plan.days; start > -1; start -= CHUNK_DAYS) {
    await timed(
      `message events ${start}–${Math.max(start - CHUNK_DAYS, 0)} days ago`,
      `INSERT INTO reporting_events (organization_id, occurred_at, created_at, kind, instance_id, conversation_id, contact_id,
         member_id, direction, message_type, dedupe_key)
       SELECT m.organization_id, m.sent_at, m.sent_at, CASE WHEN m.direction = 'inbound' THEN $4 ELSE $5 END,
         m.instance_id, m.conversation_id, m.sender_contact_id, m.author_user_id, m.direction, m.type,
         mirage_message_event_key(m.instance_id, m.provider_message_id)
       FROM messages m
       WHERE m.organization_id = $1::uuid AND m.sent_at >= now() - $2::int * interval '1 day'
         AND m.sent_at < now() - $3::int * interval '1 day'`,
      [org, start, start - CHUNK_DAYS, reportingKinds.messageInbound, reportingKinds.messageOutbound],
    );
  }
  // Durations: first responses mostly minutes with a tail to a day; business hours count a varying share.
  // `value` is computed per row in a subquery (random() there is not hoisted), `at` may use it.
  const conversationEvents = (label: string, kind: string, value: string, at: string, where: string) =>
    timed(
      label,
      `INSERT INTO reporting_events (organization_id, occurred_at, created_at, kind, instance_id, conversation_id,
         contact_id, member_id, value, business_value, dedupe_key)
       SELECT v.organization_id, v.at, v.at, $3, v.instance_id, v.id, v.contact_id, coalesce(v.assignee_id, $2::uuid),
         v.value, v.value * (0.2 + 0.8 * random()), $3 || ':' || v.id
       FROM (SELECT c.*, ${at} AS at FROM (SELECT c.*, ${value}::float8 AS value FROM conversations c
             WHERE c.organization_id = $1::uuid AND ${where}) c) v
       WHERE v.at <= now()`,
      [org, plan.ownerId, kind],
    );
  await conversationEvents(
    "assignments",
    reportingKinds.assigned,
    "NULL",
    "c.created_at + interval '1 minute'",
    "c.assignee_id IS NOT NULL",
  );
  await conversationEvents(
    "first responses",
    reportingKinds.firstResponse,
    "20 + 86400 * random() ^ 4",
    "c.created_at + c.value * interval '1 second'",
    "(hashtext(c.id::text) & 127) < 109",
  );
  await conversationEvents(
    "resolutions",
    reportingKinds.resolved,
    "extract(epoch FROM c.closed_at - c.created_at)",
    "c.closed_at",
    "c.status = 'closed' AND c.closed_at IS NOT NULL",
  );
  await conversationEvents(
    "reopenings",
    reportingKinds.reopened,
    "NULL",
    "c.created_at + (c.closed_at - c.created_at) / 2",
    "c.status = 'closed' AND c.closed_at IS NOT NULL AND (hashtext(c.id::text) & 15) < 2",
  );
  const started = performance.now();
  await client.query(`VACUUM (ANALYZE) reporting_events`);
  log(`vacuum analyze reporting_events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return total;
}
