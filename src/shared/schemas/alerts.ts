import { z } from "zod";

/** Alert rule kinds; the UI names them (`alerts.kinds.<kind>`), the server stores and evaluates the codes. */
export const alertKinds = [
  "instance_down",
  "send_failure_rate",
  "opt_out_spike",
  "ingestion_lag",
  "negative_sentiment_surge",
  "first_response_sla",
  "ai_spend",
  "sending_spike",
] as const;

export type AlertKind = (typeof alertKinds)[number];

/**
 * What each kind's threshold counts: minutes, a percentage, a number of events, money (organization
 * currency) or a multiple of a number's own baseline.
 */
export const alertThresholdUnits: Record<AlertKind, "minutes" | "percent" | "count" | "money" | "multiple"> = {
  instance_down: "minutes",
  send_failure_rate: "percent",
  opt_out_spike: "count",
  ingestion_lag: "minutes",
  negative_sentiment_surge: "percent",
  first_response_sla: "minutes",
  ai_spend: "money",
  sending_spike: "multiple",
};

/** A new rule's settings before anyone edits them. */
export const alertRuleDefaults: Record<AlertKind, { threshold: number; windowMinutes: number }> = {
  instance_down: { threshold: 5, windowMinutes: 15 },
  send_failure_rate: { threshold: 20, windowMinutes: 30 },
  opt_out_spike: { threshold: 10, windowMinutes: 60 },
  ingestion_lag: { threshold: 5, windowMinutes: 15 },
  negative_sentiment_surge: { threshold: 40, windowMinutes: 60 },
  first_response_sla: { threshold: 30, windowMinutes: 15 },
  // The window does not apply: spend is counted over the calendar month (organization time zone).
  ai_spend: { threshold: 100, windowMinutes: 60 },
  // Sends in the window above 3× the number's usual hourly peak (p95 of its last 7 days' hours).
  sending_spike: { threshold: 3, windowMinutes: 60 },
};

export const alertKind = z.enum(alertKinds);

export const alertRuleOutput = z.object({
  id: z.string().nullable(),
  kind: alertKind,
  enabled: z.boolean(),
  threshold: z.number(),
  windowMinutes: z.number().int(),
  cooldownMinutes: z.number().int(),
  notifyEmail: z.boolean(),
  notifyWebhook: z.boolean(),
});

export const listAlertRulesOutput = z.array(alertRuleOutput);

export const saveAlertRuleInput = z.object({
  kind: alertKind,
  enabled: z.boolean(),
  threshold: z.number().positive().max(100_000),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  notifyEmail: z.boolean(),
  notifyWebhook: z.boolean(),
});

export type SaveAlertRuleInput = z.infer<typeof saveAlertRuleInput>;

/** Values a notification is worded with (`alerts.fired.<kind>` / `alerts.resolved.<kind>`). */
export const alertParams = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * Notices no rule configures: the AI budget's 80% and 100% (given by the AI call path, once a month each), and
 * a member's exports, deletions or sign-ins held after a burst (see domain/member-holds).
 */
export const noticeKinds = ["ai_budget_alert", "ai_budget_exhausted", "member_action_held", "sign_in_held"] as const;
export const notificationKind = z.enum([...alertKinds, ...noticeKinds]);

export const alertNotificationOutput = z.object({
  id: z.string(),
  kind: notificationKind,
  subject: z.string(),
  transition: z.enum(["fired", "resolved"]),
  params: alertParams,
  occurredAt: z.date(),
  read: z.boolean(),
});

export const listAlertNotificationsOutput = z.object({
  unread: z.number().int(),
  items: z.array(alertNotificationOutput),
});

export type AlertNotificationDto = z.infer<typeof alertNotificationOutput>;

export const markAlertsReadInput = z.object({ ids: z.array(z.uuid()).max(200).optional() });
export const markAlertsReadOutput = z.object({ marked: z.number().int() });

export const alertChannelsOutput = z.object({
  emailRecipients: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  hasWebhookSecret: z.boolean(),
  emailAvailable: z.boolean(),
});

export const saveAlertChannelsInput = z.object({
  emailRecipients: z.array(z.email()).max(20),
  webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
});

/** The signing secret is shown once, when it is made. */
export const saveAlertChannelsOutput = alertChannelsOutput.extend({ newWebhookSecret: z.string().nullable() });
