import type { Tx } from "../../db/tenant";
import type { ProviderEvent } from "../../whatsapp/provider";
import { applyEdit, applyReaction, applyRevoke } from "./apply-message-amendment";
import { applyMessageStatus } from "./apply-message-status";
import { updateContactProfile } from "../contacts/update-contact-profile";
import type { IngestBatch } from "./ingest-batch";
import { ingestMessage } from "./ingest-message";
import type { MessageChange } from "./message-change";

type MessageEvent = Extract<ProviderEvent, { kind: "message" | "reaction" | "edit" | "revoke" | "status" | "contact" }>;

export function isMessageEvent(event: ProviderEvent): event is MessageEvent {
  return ["message", "reaction", "edit", "revoke", "status", "contact"].includes(event.kind);
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
  if (event.kind !== "message" && event.kind !== "status") await batch.writePending(tx);
  switch (event.kind) {
    case "message":
      return { changes: await ingestMessage(tx, context, event.message, batch), note: null };
    case "status":
      return { changes: await applyMessageStatus(tx, context, event, batch), note: null };
    case "reaction":
      return unknownTarget(await applyReaction(tx, context, event), event.targetProviderMessageId);
    case "edit":
      return unknownTarget(await applyEdit(tx, context, event), event.targetProviderMessageId);
    case "revoke":
      return unknownTarget(await applyRevoke(tx, context, event), event.targetProviderMessageId);
    case "contact":
      await updateContactProfile(tx, context.organizationId, event.person, event.profilePictureUrl);
      batch.contacts.disable(); // names changed behind the batch's back
      return { changes: [], note: null };
  }
}
