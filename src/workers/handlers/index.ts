import type { QueueName, QueuePayload } from "../../server/jobs/queues";
import type { WorkerIdentity } from "../../server/domain/system/record-worker-heartbeat";
import { recordCronHeartbeat } from "../../server/domain/system/record-worker-heartbeat";
import { completeRealtimeCheck } from "../../server/domain/system/complete-realtime-check";
import { createBackup } from "../../server/domain/backups/create-backup";
import { drainWebhookDeliveries } from "../../server/domain/webhooks/drain-webhook-deliveries";
import { runInstanceWatchdog } from "../../server/domain/instances/run-instance-watchdog";
import { continueCampaignDispatch } from "../../server/domain/campaigns/continue-campaign-dispatch";
import { runCampaignDispatch } from "../../server/domain/campaigns/run-campaign-dispatch";
import { sendReadReceipts } from "../../server/domain/conversations/send-read-receipts";
import { deliverMessage } from "../../server/domain/messages/deliver-message";
import { fetchMessageMedia } from "../../server/domain/messages/fetch-message-media";
import { reconcileMessage } from "../../server/domain/messages/reconcile-message";
import { refreshReportingRollup } from "../../server/domain/analytics/refresh-reporting-rollup";
import { recomputeBusinessDurations } from "../../server/domain/analytics/recompute-business-durations";
import { runContactImport } from "../../server/domain/contacts/run-contact-import";
import { classifyMessages } from "../../server/domain/ai/classify-messages";
import { evaluateAlertRules } from "../../server/domain/alerts/evaluate-alert-rules";
import { deliverAlertNotification } from "../../server/domain/alerts/deliver-alert-notification";
import { deliverDueReports } from "../../server/domain/reports/deliver-due-reports";
import { remindDueRequests } from "../../server/domain/privacy/remind-due-requests";
import { purgeRetention } from "../../server/domain/privacy/purge-retention";
import { remindIncidentNotices } from "../../server/domain/legal/remind-incident-notices";
import { runAutoReplies } from "../../server/domain/ai-replies/run-auto-replies";
import { runPromptEvaluation } from "../../server/domain/ai-prompts/run-prompt-evaluation";
import { purgeAiCalls } from "../../server/domain/ai/purge-ai-calls";
import { summarizeConversation } from "../../server/domain/ai/summarize-conversation";
import { transcribeVoiceNote } from "../../server/domain/ai/transcribe-voice-note";

export interface HandlerContext {
  worker: WorkerIdentity;
  jobId: string;
  signal: AbortSignal;
}

export type Handler<Name extends QueueName> = (payload: QueuePayload<Name>, context: HandlerContext) => Promise<void>;

/** One thin handler per queue: payload (already validated) in, one domain call. Safe to run twice. */
export const handlers: { [Name in QueueName]: Handler<Name> } = {
  "system.heartbeat": async (_payload, { worker }) => recordCronHeartbeat(worker),
  "system.realtime-check": async (payload) => completeRealtimeCheck(payload),
  "webhooks.drain": async (payload) => void (await drainWebhookDeliveries(payload)),
  "instances.watchdog": async (payload) => runInstanceWatchdog(payload),
  "media.fetch": async (payload) => fetchMessageMedia(payload),
  "messages.send": async (payload) => deliverMessage(payload),
  "messages.reconcile": async (payload) => reconcileMessage(payload),
  "conversations.read-receipts": async (payload) => sendReadReceipts(payload),
  "ai.classify": async (payload) => void (await classifyMessages(payload)),
  "ai.auto-reply": async (payload) => runAutoReplies(payload),
  "ai.transcribe": async (payload) => void (await transcribeVoiceNote(payload)),
  "ai.summarize": async (payload) =>
    void (await summarizeConversation({ ...payload, trigger: "closed", actorUserId: null })),
  "ai.purge-calls": async (payload) => void (await purgeAiCalls(payload)),
  "ai.evaluate": async (payload) => void (await runPromptEvaluation(payload)),
  "contacts.import": async (payload, { signal }) => runContactImport(payload, { signal }),
  "alerts.evaluate": async (payload) => void (await evaluateAlertRules(payload)),
  "alerts.deliver": async (payload) => deliverAlertNotification(payload),
  "reports.deliver": async (payload) => void (await deliverDueReports(payload)),
  "analytics.rollup": async (payload) => void (await refreshReportingRollup(payload)),
  "analytics.business-hours": async (payload) => void (await recomputeBusinessDurations(payload)),
  "privacy.reminders": async (payload) => void (await remindDueRequests(payload)),
  "privacy.retention": async (payload) => void (await purgeRetention(payload)),
  "legal.incident-reminders": async (payload) => void (await remindIncidentNotices(payload)),
  "backup.run": async (payload) =>
    void (await createBackup({ trigger: payload.requestedByUserId ? "manual" : "scheduled" })),
  "campaigns.dispatch": async (payload) => continueCampaignDispatch(payload, await runCampaignDispatch(payload)),
};
