import type { QueuePolicy as BossQueuePolicy } from "pg-boss";
import { z } from "zod";

/**
 * Every queue Mirage uses, declared once: name, payload schema, retry policy and (optionally) a cron
 * schedule. Each queue gets a dead-letter queue `<name>.dead` where jobs land after their last retry.
 */
interface QueuePolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number;
  expireInSeconds: number;
}

interface QueueDefinition<Payload extends z.ZodType> {
  payload: Payload;
  policy: QueuePolicy;
  /** pg-boss cron expression (seconds field first when it has six fields), in UTC. */
  cron?: string;
  /** Like `cron`, but one schedule per organization (payload `{ organizationId }`), created on demand. */
  cronPerOrganization?: string;
  /**
   * Wake workers with NOTIFY when a job is created (default true). Off for queues fed from hot write
   * transactions: NOTIFY serialises commits, so those are polled every half second instead.
   */
  notify?: boolean;
  /** Jobs a worker takes per fetch (default 20); 1 for long jobs that must not expire waiting in a batch. */
  batchSize?: number;
  /** Jobs of this queue a worker runs at once (default WORKER_CONCURRENCY). */
  concurrency?: number;
  /**
   * Jobs of one organization running at once across all workers (pg-boss groups keyed by the payload's
   * `organizationId`). With `concurrency` above it, one organization's backlog cannot take every slot:
   * the others' jobs are fetched past it. Keep `batchSize` at most this: a fetch returns no more than
   * this many jobs of one organization, and a batch that comes back short waits for the next poll.
   */
  concurrencyPerOrganization?: number;
  /** pg-boss queue policy, fixed when the queue is created (default `standard`). */
  queuePolicy?: BossQueuePolicy;
}

function defineQueue<Payload extends z.ZodType>(definition: QueueDefinition<Payload>) {
  return definition;
}

const transientRetry: QueuePolicy = {
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 300,
};

export const queues = {
  "system.heartbeat": defineQueue({
    payload: z.object({}).passthrough(),
    policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 },
    cron: "*/30 * * * * *",
  }),
  /**
   * Drains an instance's stored webhook deliveries in arrival order (the rows are the queue; this job is
   * only the nudge). `short`: at most one queued per instance, however many webhooks. Not `stately`: a
   * worker killed mid-drain would leave its job "active" until it expires and hold every new drain of
   * that number back; two drains of one number simply take turns on the instance's row lock.
   */
  "webhooks.drain": defineQueue({
    payload: z.object({ organizationId: z.uuid(), instanceId: z.uuid() }),
    // A failed drain waiting out a long backoff would count as the queued one and hold new nudges back:
    // retry soon and briefly; the watchdog's sweep covers the rest.
    policy: { retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 120 },
    queuePolicy: "short",
    batchSize: 4,
  }),
  /** Re-syncs an organization's instances with Evolution and reconnects dropped ones. */
  "instances.watchdog": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120 },
    batchSize: 1,
    cronPerOrganization: "*/30 * * * * *",
  }),
  /** Fetches an attachment the webhook did not carry and stores it. */
  "media.fetch": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
    policy: transientRetry,
    batchSize: 5,
  }),
  /** Sends one reply (the message row is written first, pending, in the same transaction as this job). */
  "messages.send": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
    policy: { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 120, expireInSeconds: 180 },
    batchSize: 10,
  }),
  /** Settles a send whose outcome is unknown (crash or timeout after the call) from Evolution's records. */
  "messages.reconcile": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
    policy: { retryLimit: 10, retryDelay: 15, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
    batchSize: 5,
  }),
  /** Blue ticks for the customer once an agent opened the conversation. */
  "conversations.read-receipts": defineQueue({
    payload: z.object({ organizationId: z.uuid(), conversationId: z.uuid() }),
    policy: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    batchSize: 10,
  }),
  /** Campaign engine of an organization: a run of a few seconds, every 10 s while the schedule exists. */
  "campaigns.dispatch": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120 },
    batchSize: 1,
    cronPerOrganization: "*/10 * * * * *",
  }),
  /**
   * Rolls up an organization's reporting events into daily rows (its last two days, plus days that got
   * late events); the dashboard reads raw events only after the rollup's watermark.
   */
  "analytics.rollup": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 600 },
    batchSize: 1,
    cronPerOrganization: "*/10 * * * *",
  }),
  /**
   * Recomputes an organization's business-hours durations and their rollup days after its business hours
   * changed (enqueued in the same transaction); idempotent.
   */
  "analytics.business-hours": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 900 },
    batchSize: 1,
  }),
  /** Evaluates an organization's alert rules: every minute, a run of a few queries. */
  "alerts.evaluate": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 },
    batchSize: 1,
    cronPerOrganization: "* * * * *",
  }),
  /** Sends one alert notification by e-mail or to the organization's webhook; retried while the far end fails. */
  "alerts.deliver": defineQueue({
    payload: z.object({
      organizationId: z.uuid(),
      notificationId: z.uuid(),
      channel: z.enum(["email", "webhook"]),
    }),
    policy: { retryLimit: 6, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 60 },
    batchSize: 5,
  }),
  /** E-mails an organization's saved reports that are due (their schedules are in its time zone): every minute. */
  "reports.deliver": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 3, retryDelay: 30, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 300 },
    batchSize: 1,
    cronPerOrganization: "* * * * *",
  }),
  /** Writes a started contact import in chunks; resumes after the last committed chunk on retry. */
  "contacts.import": defineQueue({
    payload: z.object({ organizationId: z.uuid(), importId: z.uuid() }),
    policy: { retryLimit: 3, retryDelay: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 3600 },
    batchSize: 1,
  }),
  /**
   * Sentiment and label of a webhook batch's inbound texts (one job per batch, enqueued in its
   * transaction). Not notified: it is fed from the ingestion transaction (see `notify`).
   */
  "ai.classify": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageIds: z.array(z.uuid()).min(1).max(1000) }),
    policy: transientRetry,
    notify: false,
    // One job per fetch, three per worker, two per organization: an organization's burst or slow provider
    // leaves a slot to the others' chips, and a single busy organization still bursts fetch after fetch.
    batchSize: 1,
    concurrency: 3,
    concurrencyPerOrganization: 2,
  }),
  /**
   * Automatic replies to a webhook batch's inbound texts (one job per batch, enqueued in its transaction,
   * only for organizations with a number that has them on). Not notified, like `ai.classify`.
   */
  "ai.auto-reply": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageIds: z.array(z.uuid()).min(1).max(1000) }),
    policy: transientRetry,
    notify: false,
    batchSize: 2,
    concurrencyPerOrganization: 2,
  }),
  /**
   * Transcript of an inbound voice note, once its bytes are stored (enqueued in the storing transaction),
   * then its classification like a text. Not notified: a webhook that carried the bytes feeds it from the
   * ingestion transaction (see `notify`).
   */
  "ai.transcribe": defineQueue({
    payload: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
    policy: transientRetry,
    notify: false,
    batchSize: 1,
    // The provider may take seconds per note; two at a time keep the cores for ingestion.
    concurrency: 2,
    concurrencyPerOrganization: 1,
  }),
  /** Summary of a conversation that was closed (enqueued in the closing transaction). */
  "ai.summarize": defineQueue({
    payload: z.object({ organizationId: z.uuid(), conversationId: z.uuid() }),
    policy: transientRetry,
    batchSize: 1,
    // The call path may wait on a slow provider; two at a time keep the cores for ingestion.
    concurrency: 2,
    concurrencyPerOrganization: 1,
  }),
  /** Runs a classification prompt version (or the local engine) against the evaluation set; one run per job. */
  "ai.evaluate": defineQueue({
    payload: z.object({ organizationId: z.uuid(), runId: z.uuid() }),
    // A run that failed half-way is marked failed with its reason; retrying would pay for the calls again.
    policy: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 1800 },
    batchSize: 1,
    concurrency: 1,
  }),
  /** Deletes AI call log rows past the organization's retention days. */
  "ai.purge-calls": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600 },
    batchSize: 1,
    cronPerOrganization: "17 3 * * *",
  }),
  /** Notices for data-subject requests close to (or past) their 15-day due date; scheduled on the first request. */
  "privacy.reminders": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
    batchSize: 1,
    cronPerOrganization: "7 * * * *",
  }),
  /** Notices for security incidents close to (or past) their 3-business-day ANPD deadline; scheduled on the first incident. */
  "legal.incident-reminders": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
    batchSize: 1,
    cronPerOrganization: "37 * * * *",
  }),
  /** Purges data past the organization's retention policies; scheduled when a policy is enabled. */
  "privacy.retention": defineQueue({
    payload: z.object({ organizationId: z.uuid() }),
    policy: { retryLimit: 2, retryDelay: 300, retryBackoff: false, expireInSeconds: 3600 },
    batchSize: 1,
    concurrency: 1,
    cronPerOrganization: "23 3 * * *",
  }),
  /** A backup of the installation (database, media, secrets); scheduled from BACKUP_CRON by the worker. */
  "backup.run": defineQueue({
    // Set when an admin asked for it (Configurações → Backups): the run is then recorded as manual.
    payload: z.object({ requestedByUserId: z.uuid().optional() }).passthrough(),
    policy: { retryLimit: 1, retryDelay: 600, retryBackoff: false, expireInSeconds: 6 * 3600 },
    batchSize: 1,
    concurrency: 1,
  }),
  "system.realtime-check": defineQueue({
    payload: z.object({
      organizationId: z.uuid(),
      requestedBy: z.uuid(),
      checkId: z.uuid(),
      requestedAt: z.iso.datetime(),
    }),
    policy: transientRetry,
  }),
};

export type QueueName = keyof typeof queues;
export type QueuePayload<Name extends QueueName> = z.infer<(typeof queues)[Name]["payload"]>;
export const queueNames = Object.keys(queues) as QueueName[];

export function deadLetterQueueName(name: QueueName): string {
  return `${name}.dead`;
}
