import { toFile } from "openai";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { mediaStore } from "../../media";
import { isFeatureEnabled } from "../flags/is-feature-enabled";
import { emitMessageChanges } from "../messages/emit-message-changes";
import { messageDetailsOf } from "../messages/message-json-schema";
import type { TranscriptSkip } from "../../../shared/transcription";
import { admitAiCall } from "./admit-ai-call";
import { providerClient } from "./call-ai-provider";
import { classifyMessages } from "./classify-messages";
import { costOfCall, costOfTranscription, RESERVED_OUTPUT_TOKENS, type ModelPrice } from "./model-prices";
import { providerFailureOf } from "./provider-failure";
import { settleAiCall } from "./record-ai-call";
import { recordBudgetAlert } from "./record-budget-alert";

export const TRANSCRIPTION_PROMPT_VERSION = "transcribe-2026-12-05";

/** Opus voice notes run at 16–32 kbit/s: a byte count over 1,000 is an upper bound on their seconds. */
const BYTES_PER_SECOND_FLOOR = 1_000;
/** gpt-4o transcription models bill about 10 audio tokens a second; reserve double. */
const RESERVED_AUDIO_TOKENS_PER_SECOND = 20;

export type TranscriptionOutcome = { transcribed: true } | { transcribed: false; skip: TranscriptSkip | null };

/**
 * The `ai.transcribe` job: an inbound voice note whose bytes are stored goes to the provider's
 * /audio/transcriptions through the same admission as every external call (provider, external transfer,
 * "sem IA", budget reserved then settled, logged in `ai_calls`). The transcript is stored on the message
 * (searchable through its search vector) and the message is then classified like a text. Without a
 * transcript the message says why, as a code: the local engine cannot transcribe. Safe to run twice.
 */
export async function transcribeVoiceNote(input: {
  organizationId: string;
  messageId: string;
}): Promise<TranscriptionOutcome> {
  const { organizationId, messageId } = input;
  const message = await withOrganization(organizationId, (tx) =>
    tx.message.findFirst({
      where: {
        id: messageId,
        direction: "inbound",
        type: { in: ["audio", "voice"] },
        mediaStatus: "stored",
        transcript: null,
      },
      select: {
        id: true,
        conversationId: true,
        details: true,
        mediaKey: true,
        mediaMimeType: true,
        mediaFileName: true,
        mediaSize: true,
        conversation: { select: { contactId: true } },
      },
    }),
  );
  if (!message?.mediaKey) return { transcribed: false, skip: null };
  const skip = (code: TranscriptSkip) => recordSkip(organizationId, message, code);
  if (!(await isFeatureEnabled(organizationId, "ai.insights"))) return skip("feature_off");

  const declaredSeconds = messageDetailsOf(message)?.seconds;
  const seconds = Math.max(declaredSeconds ?? 0, (message.mediaSize ?? 0) / BYTES_PER_SECOND_FLOOR, 1);
  const admission = await admitAiCall({
    organizationId,
    feature: "transcription",
    promptVersion: TRANSCRIPTION_PROMPT_VERSION,
    contactIds: message.conversation.contactId ? [message.conversation.contactId] : [],
    plan: (policy, provider) => ({
      model: provider.transcriptionModel,
      // The audio itself is not kept in the log: what was sent is named by its message and size.
      input: {
        messageId: message.id,
        mimeType: message.mediaMimeType,
        bytes: message.mediaSize,
        seconds: declaredSeconds ?? null,
      },
      estimatedCost: reservedCost(policy.prices[provider.transcriptionModel], seconds),
    }),
  });
  if (!admission.admitted) return skip(admission.refusal);
  const { policy, provider, callId } = admission;

  const started = performance.now();
  let answer: { text: string; language: string | null; seconds: number; tokensIn?: number; tokensOut?: number };
  try {
    const stored = await mediaStore().get(message.mediaKey);
    if (!stored) throw new Error("voice note missing from the media store");
    const chunks: Buffer[] = [];
    for await (const chunk of stored.body) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const file = await toFile(bytes, message.mediaFileName ?? fileNameFor(message.mediaMimeType), {
      type: message.mediaMimeType ?? "audio/ogg",
    });
    answer = await transcribe(await providerClient(provider), provider.transcriptionModel, file, declaredSeconds);
  } catch (error) {
    const failure = providerFailureOf(error);
    logger.warn({ ...failure, err: error, organizationId, messageId }, "voice note transcription failed");
    await settleAiCall(organizationId, callId, {
      latencyMs: Math.round(performance.now() - started),
      outcome: "failed",
      errorCode: failure.status ? `${failure.failure}_${failure.status}` : failure.failure,
    });
    await skip("provider_failed");
    // 429, 5xx, timeouts and unreachable providers pass: the queue retries the job with backoff (the
    // SDK's own attempts inside it wait what Retry-After says). The skip stays until a retry succeeds.
    if (isTransientFailure(failure)) throw new TranscriptionRetryableError(failure.failure, failure.status);
    return { transcribed: false, skip: "provider_failed" };
  }
  const cost = costOfTranscription(policy.prices[provider.transcriptionModel], answer);
  await settleAiCall(organizationId, callId, {
    outcome: "ok",
    tokensIn: answer.tokensIn,
    tokensOut: answer.tokensOut,
    cost,
    latencyMs: Math.round(performance.now() - started),
  });
  if (cost > 0 && policy.budget !== null) await recordBudgetAlert(organizationId);

  await withOrganization(organizationId, (tx) =>
    tx.message.update({
      where: { id: message.id },
      data: {
        transcript: answer.text.trim(),
        transcriptLanguage: answer.language,
        transcriptSeconds: answer.seconds,
        transcriptSkip: null,
      },
    }),
  );
  await emitMessageChanges(organizationId, [{ conversationId: message.conversationId, messageId: message.id }]);
  // Sentiment and label like a text (the classifier applies "sem IA" and the budget on its own).
  if (answer.text.trim()) await classifyMessages({ organizationId, messageIds: [message.id] });
  return { transcribed: true };
}

/** verbose_json (language, duration) where the model offers it (whisper); plain json with usage otherwise. */
async function transcribe(
  client: Awaited<ReturnType<typeof providerClient>>,
  model: string,
  file: Awaited<ReturnType<typeof toFile>>,
  declaredSeconds: number | undefined,
) {
  if (model.startsWith("whisper")) {
    const verbose = await client.audio.transcriptions.create({ file, model, response_format: "verbose_json" });
    return { text: verbose.text, language: verbose.language || null, seconds: verbose.duration };
  }
  const plain = await client.audio.transcriptions.create({ file, model, response_format: "json" });
  const usage = plain.usage;
  return {
    text: plain.text,
    language: null,
    seconds: usage?.type === "duration" ? usage.seconds : (declaredSeconds ?? 0),
    ...(usage?.type === "tokens" ? { tokensIn: usage.input_tokens, tokensOut: usage.output_tokens } : {}),
  };
}

/** A failure that another attempt may not meet; 4xx other than 429 (bad key, bad file) would fail again. */
function isTransientFailure(failure: ReturnType<typeof providerFailureOf>): boolean {
  if (failure.failure === "rate_limited" || failure.failure === "timeout" || failure.failure === "unreachable")
    return true;
  return failure.failure === "http_error" && (failure.status ?? 0) >= 500;
}

/** Thrown so that pg-boss retries `ai.transcribe`; the code and status name the failure in the job log. */
export class TranscriptionRetryableError extends Error {
  constructor(
    readonly failure: string,
    readonly status: number | null,
  ) {
    super(`transcription_retryable:${failure}${status ? `_${status}` : ""}`);
    this.name = "TranscriptionRetryableError";
  }
}

function reservedCost(price: ModelPrice | undefined, seconds: number): number {
  const byMinute = costOfTranscription(price, { seconds });
  const byTokens = costOfCall(price, Math.ceil(seconds * RESERVED_AUDIO_TOKENS_PER_SECOND), RESERVED_OUTPUT_TOKENS);
  return Math.max(byMinute, byTokens);
}

function fileNameFor(mimeType: string | null): string {
  const subtype = (mimeType ?? "audio/ogg").split(";")[0]!.split("/")[1] ?? "ogg";
  return `voice-note.${subtype === "mpeg" ? "mp3" : subtype}`;
}

async function recordSkip(
  organizationId: string,
  message: { id: string; conversationId: string },
  code: TranscriptSkip,
): Promise<TranscriptionOutcome> {
  await withOrganization(organizationId, (tx) =>
    tx.message.updateMany({ where: { id: message.id, transcript: null }, data: { transcriptSkip: code } }),
  );
  await emitMessageChanges(organizationId, [{ conversationId: message.conversationId, messageId: message.id }]);
  return { transcribed: false, skip: code };
}
