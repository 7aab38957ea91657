import type { Tx } from "../../db/tenant";
import type { ProviderEvent } from "../../whatsapp/provider";
import { applyEdit, applyReaction, applyRevoke } from "./apply-message-amendment";
import { applyMessageStatus } from "./apply-message-status";
import { updateContactProfile } from "../contacts/update-contact-profile";
import type { IngestBatch } from "./ingest-batch";
import { ingestMessage } from "./ingest-message";
import type { MessageChange } from "./message-change";

const messageEventKinds = [
  "message.received",
  "message.reaction",
  "message.edited",
  "message.revoked",
  "message.status",
  "contact.updated",
] as const;

type MessageEvent = Extract<ProviderEvent, { kind: (typeof messageEventKinds)[number] }>;

export function isMessageEvent(event: ProviderEvent): event is MessageEvent {
  return (messageEventKinds as readonly string[]).includes(event.kind);
}

export interface MessageEventOutcome {
  changes: MessageChange[];
  /** Why nothing changed, when worth keeping on the delivery (e.g. a reaction to a message never seen). */
  note: string | null;
}

/** Applies one message-related webhook event inside the delivery's transaction. */
export async function applyMessageEvent(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  event: MessageEvent,
  batch: IngestBatch,
): Promise<MessageEventOutcome> {
  const unknownTarget = (changes: MessageChange[] | null, id: string): MessageEventOutcome =>
    changes ? { changes, note: null } : { changes: [], note: `target message unknown: ${id}` };
  // Amendments and profile changes read or write rows the batch may still hold back: write them first.
  if (event.kind !== "message.received" && event.kind !== "message.status") await batch.writePending(tx);
  switch (event.kind) {
    case "message.received":
      return { changes: await ingestMessage(tx, context, event.message, batch), note: null };
    case "message.status":
      return { changes: await applyMessageStatus(tx, context, event, batch), note: null };
    case "message.reaction":
      return unknownTarget(await applyReaction(tx, context, event), event.targetProviderMessageId);
    case "message.edited":
      return unknownTarget(await applyEdit(tx, context, event), event.targetProviderMessageId);
    case "message.revoked":
      return unknownTarget(await applyRevoke(tx, context, event), event.targetProviderMessageId);
    case "contact.updated":
      await updateContactProfile(tx, context.organizationId, event.person, event.profilePictureUrl);
      batch.contacts.disable(); // names changed behind the batch's back
      return { changes: [], note: null };
  }
}
