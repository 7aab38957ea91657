import type { Tx } from "../../db/tenant";
import { consentChangedSince } from "../consent/consent-changed-since";
import { optOutContact, type OptOutTarget } from "../consent/opt-out-contact";
import type { MessageChange } from "../messages/message-change";
import type { EngineSignature } from "./classify-with-engine";

/** From this confidence the AI's opt-out label opts the contact out as the keywords do; below, it only flags. */
export const AI_OPT_OUT_CONFIDENCE = 0.9;

/**
 * A message the AI labelled opt-out. Confident enough, it opts the contact out at once (the ledger's
 * evidence names the engine, model and version, so the decision can be traced); otherwise the label
 * stays on the message for an agent to confirm or correct. Classification runs after the message was
 * stored, maybe minutes later: a consent choice recorded after the message (an opt-in, a manual consent)
 * is newer than what the message says, and stands.
 */
export async function applyInsightOptOut(
  tx: Tx,
  input: OptOutTarget & {
    messageId: string;
    text: string;
    confidence: number;
    signature: EngineSignature;
    /** When the message was written: a consent change after it wins. */
    sentAt: Date;
    /** The organization's opt-out confirmation. */
    reply: string;
  },
): Promise<MessageChange[]> {
  if (input.confidence < AI_OPT_OUT_CONFIDENCE) return [];
  if (await consentChangedSince(tx, input.contactId, input.sentAt)) return [];
  const { signature } = input;
  const engine = `${signature.engine}/${signature.model} ${signature.version}`;
  return optOutContact(tx, {
    organizationId: input.organizationId,
    instanceId: input.instanceId,
    conversationId: input.conversationId,
    contactId: input.contactId,
    evidence: {
      evidence: input.text.slice(0, 80),
      evidenceCode: "ai_detected_opt_out",
      evidenceParams: {
        engine,
        confidence: Number(input.confidence.toFixed(2)),
        ...(signature.promptVersionId ? { promptVersionId: signature.promptVersionId } : {}),
      },
    },
    reply: input.reply,
    auditMetadata: {
      text: input.text.slice(0, 80),
      messageId: input.messageId,
      detectedBy: { ...signature, confidence: input.confidence },
    },
  });
}
