import type { Tx } from "../../db/tenant";
import type { AlertKind } from "../../../shared/schemas/alerts";

/** One subject for which a rule's condition holds now, with the values its notification is worded with. */
export interface AlertBreach {
  subject: string;
  params: Record<string, string | number>;
}

export interface AlertConditionInput {
  organizationId: string;
  threshold: number;
  windowMinutes: number;
  now: Date;
}

/** Organization-wide conditions have this subject; per-number ones the instance id. */
export const organizationSubject = "organization";

/** Rates need a few events before they mean anything: 1 failure out of 1 is not a 100 % failure rate. */
const MIN_RATE_SAMPLE = 5;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const percentOf = (part: number, total: number) => Math.round((part / total) * 1000) / 10;
/** The percentage `part` is of `total` when it reaches the threshold over a meaningful sample, else null. */
const rateOver = (part: number, total: number, threshold: number) =>
  total >= MIN_RATE_SAMPLE && (part / total) * 100 >= threshold ? percentOf(part, total) : null;

async function instancesDown(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const rows = await tx.instance.findMany({
    where: {
      organizationId: input.organizationId,
      state: { not: "open" },
      downSince: { lte: minutesBefore(input.now, input.threshold) },
    },
    select: { id: true, name: true, downSince: true },
  });
  return rows.map((row) => ({
    subject: row.id,
    params: {
      instanceName: row.name,
      minutes: Math.floor((input.now.getTime() - row.downSince!.getTime()) / 60_000),
    },
  }));
}

async function sendFailureRate(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const rows = await tx.$queryRaw<{ instance_id: string; name: string; failed: number; total: number }[]>`
    SELECT m.instance_id, i.name,
           count(*) FILTER (WHERE m.status = 'failed')::int AS failed, count(*)::int AS total
    FROM messages m JOIN instances i ON i.id = m.instance_id
    WHERE m.organization_id = ${input.organizationId}::uuid AND m.direction = 'outbound'
      AND m.status IN ('sent', 'delivered', 'read', 'played', 'failed')
      AND m.sent_at > ${minutesBefore(input.now, input.windowMinutes)} AND m.sent_at <= ${input.now}
    GROUP BY m.instance_id, i.name`;
  return rows.flatMap((row) => {
    const percent = rateOver(row.failed, row.total, input.threshold);
    if (percent === null) return [];
    const { failed, total } = row;
    return [
      {
        subject: row.instance_id,
        params: { instanceName: row.name, percent, failed, total, windowMinutes: input.windowMinutes },
      },
    ];
  });
}

async function optOutSpike(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const count = await tx.consentEvent.count({
    where: {
      organizationId: input.organizationId,
      status: "opted_out",
      occurredAt: { gt: minutesBefore(input.now, input.windowMinutes), lte: input.now },
    },
  });
  if (count < input.threshold) return [];
  return [{ subject: organizationSubject, params: { count, windowMinutes: input.windowMinutes } }];
}

/**
 * How long the oldest unprocessed webhook delivery, or the oldest job of the organization that is due, has
 * waited: either means events are not reaching the inbox.
 */
async function ingestionLag(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const [row] = await tx.$queryRaw<{ oldest: Date | null }[]>`
    SELECT least(
      (SELECT min(received_at) FROM webhook_deliveries
        WHERE organization_id = ${input.organizationId}::uuid AND processed_at IS NULL AND dead_at IS NULL),
      (SELECT min(start_after) FROM pgboss.job
        WHERE state IN ('created', 'retry') AND data->>'organizationId' = ${input.organizationId}
          AND start_after <= ${input.now})
    ) AS oldest`;
  if (!row?.oldest) return [];
  const minutes = Math.floor((input.now.getTime() - row.oldest.getTime()) / 60_000);
  if (minutes < input.threshold) return [];
  return [{ subject: organizationSubject, params: { minutes } }];
}

async function negativeSentimentSurge(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const [row] = await tx.$queryRaw<{ negative: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE coalesce(reviewed_sentiment, sentiment) = 'negative')::int AS negative,
           count(*)::int AS total
    FROM message_insights
    WHERE organization_id = ${input.organizationId}::uuid
      AND created_at > ${minutesBefore(input.now, input.windowMinutes)} AND created_at <= ${input.now}`;
  const percent = row ? rateOver(row.negative, row.total, input.threshold) : null;
  if (!row || percent === null) return [];
  const { negative, total } = row;
  return [{ subject: organizationSubject, params: { percent, negative, total, windowMinutes: input.windowMinutes } }];
}

/** Open conversations whose customer has waited longer than the threshold for a reply. */
async function firstResponseSla(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const count = await tx.conversation.count({
    where: {
      organizationId: input.organizationId,
      status: { not: "closed" },
      lastMessageDirection: "inbound",
      lastInboundAt: { lte: minutesBefore(input.now, input.threshold) },
    },
  });
  if (count === 0) return [];
  return [{ subject: organizationSubject, params: { count, minutes: input.threshold } }];
}

/**
 * What the organization's AI calls cost in the calendar month of `now` (its time zone), once it reaches the
 * threshold (money, in its currency). The subject is the month: when the month turns the alert resolves.
 */
async function aiSpend(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const [row] = await tx.$queryRaw<{ spent: string; month: string; currency: string }[]>`
    WITH org AS (
      SELECT timezone, currency, date_trunc('month', ${input.now}::timestamptz AT TIME ZONE timezone) AS month_start
      FROM organizations WHERE id = ${input.organizationId}::uuid
    )
    SELECT COALESCE((
        SELECT SUM(c.cost) FROM ai_calls c
        WHERE c.organization_id = ${input.organizationId}::uuid
          AND c.created_at >= (org.month_start AT TIME ZONE org.timezone) AND c.created_at <= ${input.now}
      ), 0)::text AS spent,
      to_char(org.month_start, 'YYYY-MM') AS month, org.currency
    FROM org`;
  if (!row) return [];
  const spent = Math.round(Number(row.spent) * 100) / 100;
  if (spent < input.threshold) return [];
  return [
    {
      subject: `month:${row.month}`,
      params: { spent, threshold: input.threshold, currency: row.currency, month: row.month },
    },
  ];
}

/** Hours of history a number's baseline is taken over, and the smallest burst worth calling a spike. */
const BASELINE_HOURS = 7 * 24;
const MIN_SPIKE_SENDS = 20;

/**
 * Numbers that sent more in the window than `threshold` times their own usual hourly peak: the p95 of the
 * hourly sends over the 7 days before the window (quiet hours count as zero). A number with no sends in
 * those 7 days has no baseline yet and is not judged. Read from the reporting events (indexed by time).
 */
async function sendingSpike(tx: Tx, input: AlertConditionInput): Promise<AlertBreach[]> {
  const windowStart = minutesBefore(input.now, input.windowMinutes);
  const baselineStart = new Date(windowStart.getTime() - BASELINE_HOURS * 3_600_000);
  const rows = await tx.$queryRaw<{ instance_id: string; name: string; recent: number; hourly: number[] }[]>`
    WITH hours AS (
      SELECT instance_id, count(*)::int AS sends FROM reporting_events
      WHERE organization_id = ${input.organizationId}::uuid AND kind = 'message.outbound' AND instance_id IS NOT NULL
        AND occurred_at > ${baselineStart} AND occurred_at <= ${windowStart}
      GROUP BY instance_id, date_trunc('hour', occurred_at)
    ), recent AS (
      SELECT instance_id, count(*)::int AS sends FROM reporting_events
      WHERE organization_id = ${input.organizationId}::uuid AND kind = 'message.outbound' AND instance_id IS NOT NULL
        AND occurred_at > ${windowStart} AND occurred_at <= ${input.now}
      GROUP BY instance_id
    )
    SELECT r.instance_id, i.name, r.sends AS recent, array_agg(h.sends) AS hourly
    FROM recent r JOIN instances i ON i.id = r.instance_id JOIN hours h ON h.instance_id = r.instance_id
    WHERE r.sends >= ${MIN_SPIKE_SENDS}
    GROUP BY r.instance_id, i.name, r.sends`;
  return rows.flatMap((row) => {
    const baseline = hourlyP95(row.hourly);
    // The window may be shorter or longer than an hour: compare with the baseline scaled to it.
    const expected = Math.max(baseline, 1) * (input.windowMinutes / 60);
    if (row.recent <= input.threshold * expected) return [];
    return [
      {
        subject: row.instance_id,
        params: {
          instanceName: row.name,
          sent: row.recent,
          baseline,
          multiple: input.threshold,
          windowMinutes: input.windowMinutes,
        },
      },
    ];
  });
}

/** Nearest-rank p95 over every hour of the baseline, the hours without sends being zeros. */
export function hourlyP95(busyHours: readonly number[]): number {
  const sorted = [...busyHours].sort((a, b) => b - a);
  const fromTop = BASELINE_HOURS - Math.ceil(0.95 * BASELINE_HOURS);
  return sorted[fromTop] ?? 0;
}

export const alertConditions: Record<AlertKind, (tx: Tx, input: AlertConditionInput) => Promise<AlertBreach[]>> = {
  instance_down: instancesDown,
  send_failure_rate: sendFailureRate,
  opt_out_spike: optOutSpike,
  ingestion_lag: ingestionLag,
  negative_sentiment_surge: negativeSentimentSurge,
  first_response_sla: firstResponseSla,
  ai_spend: aiSpend,
  sending_spike: sendingSpike,
};
