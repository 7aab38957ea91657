import type { MessageStatus } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import type { ProviderEvent } from "../../whatsapp/provider";
import { ContactCache } from "../contacts/contact-cache";
import { recordIngestedMessageEvents, type IngestedMessage } from "../analytics/record-ingested-message-events";
import { identityOf, type ContactIdentity } from "../contacts/resolve-contact";
import { ConversationCache } from "../conversations/conversation-cache";
import { insertMessages, type NewMessageRow } from "./pending-messages";
import { insertReceipts, updateStatuses, type ReceiptRow, type StatusChange } from "./pending-statuses";
import type { ConversationPreview } from "./message-content";

/** Message ids per `ai.classify` job (its payload takes up to 1,000). */
const CLASSIFY_CHUNK = 500;

export interface KnownMessage {
  id: string;
  conversationId: string;
  status: MessageStatus;
}

interface ConversationActivity {
  latestAt: Date;
  preview: ConversationPreview;
  direction: "inbound" | "outbound";
  unread: number;
  lastInboundAt: Date | null;
}

/**
 * What applying a batch of one instance's webhook deliveries shares: the messages, contacts and
 * conversations it names, read ahead in three queries instead of several per message, and the
 * conversation and contact activity it causes, written once per batch (contacts in id order, so two
 * instances' batches touching the same people cannot deadlock on them).
 */
export class IngestBatch {
  private readonly activity = new Map<string, ConversationActivity>();
  private readonly interactions = new Map<string, Date>();
  private readonly memo = new Map<string, Promise<unknown>>();
  private pending: NewMessageRow[] = [];
  /** New messages for the batch's reporting events, written in flush. */
  private reportable: IngestedMessage[] = [];
  private readonly pendingIds = new Set<string>();
  private afterWrite: (() => Promise<void>)[] = [];
  private receipts: ReceiptRow[] = [];
  private readonly statusChanges = new Map<string, StatusChange>();
  private readonly inboundTexts: string[] = [];

  constructor(
    readonly organizationId: string,
    readonly instanceId: string,
    readonly contacts: ContactCache,
    readonly conversations: ConversationCache,
    private readonly known: Map<string, KnownMessage | null>,
  ) {}

  /**
   * Queues a new message for the batch's one insert; `afterWrite` runs once it is written (work that
   * needs the row: receipts that overtook it, its attachment).
   */
  queueMessage(row: NewMessageRow, afterWrite?: () => Promise<void>): void {
    this.pending.push(row);
    this.reportable.push(row);
    this.pendingIds.add(row.id);
    if (afterWrite) this.afterWrite.push(afterWrite);
  }

  /** Keeps a delivery report, written with the batch (it may be about a message not recorded yet). */
  queueReceipt(receipt: ReceiptRow): void {
    this.receipts.push(receipt);
  }

  /**
   * Moves a known message forward: in the queued row when it is not written yet, else with the batch's
   * one status update (several reports about one message become one change).
   */
  advanceStatus(message: KnownMessage, providerMessageId: string, to: MessageStatus, failureReason: string | null) {
    const queued = this.pendingIds.has(message.id) ? this.pending.find((row) => row.id === message.id) : undefined;
    if (queued) queued.status = to;
    else {
      const earlier = this.statusChanges.get(message.id);
      this.statusChanges.set(message.id, {
        messageId: message.id,
        from: earlier?.from ?? message.status,
        to,
        failureReason,
      });
    }
    this.rememberMessage(providerMessageId, { ...message, status: to });
  }

  /**
   * Writes what the batch holds back (reports, new messages and the work that needs their rows, status
   * changes): before anything that reads or changes messages in the database.
   */
  async writePending(tx: Tx): Promise<void> {
    const receipts = this.receipts;
    const rows = this.pending;
    const followUps = this.afterWrite;
    const changes = [...this.statusChanges.values()];
    this.receipts = [];
    this.pending = [];
    this.pendingIds.clear();
    this.afterWrite = [];
    this.statusChanges.clear();
    // Reports first: a new message of ours applies the reports that overtook it.
    await insertReceipts(tx, this, receipts);
    await insertMessages(tx, this, rows);
    for (const followUp of followUps) await followUp();
    await updateStatuses(tx, changes);
  }

  /** A message by WhatsApp id: null when known to be absent, undefined when not read ahead. */
  knownMessage(providerMessageId: string): KnownMessage | null | undefined {
    return this.known.get(providerMessageId);
  }

  rememberMessage(providerMessageId: string, message: KnownMessage): void {
    this.known.set(providerMessageId, message);
  }

  /** Forgets a message id whose state the batch can no longer vouch for. */
  forgetMessage(providerMessageId: string): void {
    this.known.delete(providerMessageId);
  }

  /** Per-batch memo for reads every message would otherwise repeat (organization settings…). */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, load());
    return this.memo.get(key) as Promise<T>;
  }

  /** A new message in a conversation: its preview, unread count, reopening and the contact's last interaction. */
  recordActivity(input: {
    conversationId: string;
    contactId: string | null;
    at: Date;
    preview: ConversationPreview;
    inbound: boolean;
  }): void {
    const current = this.activity.get(input.conversationId);
    const latest = !current || input.at >= current.latestAt;
    this.activity.set(input.conversationId, {
      latestAt: latest ? input.at : current.latestAt,
      preview: latest ? input.preview : current.preview,
      direction: latest ? (input.inbound ? "inbound" : "outbound") : current.direction,
      unread: (current?.unread ?? 0) + (input.inbound ? 1 : 0),
      lastInboundAt: input.inbound
        ? maxDate(current?.lastInboundAt ?? null, input.at)
        : (current?.lastInboundAt ?? null),
    });
    if (input.contactId) {
      const seen = this.interactions.get(input.contactId);
      if (!seen || input.at > seen) this.interactions.set(input.contactId, input.at);
    }
  }

  /** A new inbound text, for the AI to classify once the batch commits. */
  noteInboundText(messageId: string): void {
    this.inboundTexts.push(messageId);
  }

  /** Writes the batch's conversation and contact activity; call before the batch's transaction commits. */
  async flush(tx: Tx): Promise<void> {
    await this.writePending(tx);
    if (this.inboundTexts.length) {
      // A job for the batch (in chunks the payload allows), in its transaction: classification never
      // holds ingestion up.
      const ids = this.inboundTexts.splice(0);
      // The bot's job only where the number has automatic replies on (one primary-key read per batch).
      const autoReply = await tx.aiAutoReplySettings.findUnique({
        where: { instanceId: this.instanceId },
        select: { enabled: true },
      });
      for (let start = 0; start < ids.length; start += CLASSIFY_CHUNK) {
        const messageIds = ids.slice(start, start + CLASSIFY_CHUNK);
        await enqueue("ai.classify", { organizationId: this.organizationId, messageIds }, { tx });
        if (autoReply?.enabled)
          await enqueue("ai.auto-reply", { organizationId: this.organizationId, messageIds }, { tx });
      }
    }
    await recordIngestedMessageEvents(tx, this, this.reportable);
    this.reportable = [];
    if (this.activity.size) {
      const entries = [...this.activity.entries()];
      // A closed conversation reopens when the customer writes again.
      await tx.$executeRaw`
        UPDATE conversations AS c SET
          last_message_preview = CASE WHEN a.latest_at >= c.last_activity_at OR c.last_message_kind IS NULL
            THEN a.preview ELSE c.last_message_preview END,
          last_message_kind = CASE WHEN a.latest_at >= c.last_activity_at OR c.last_message_kind IS NULL
            THEN a.kind ELSE c.last_message_kind END,
          last_message_direction = CASE WHEN a.latest_at >= c.last_activity_at OR c.last_message_direction IS NULL
            THEN a.direction::"MessageDirection" ELSE c.last_message_direction END,
          last_activity_at = GREATEST(c.last_activity_at, a.latest_at),
          unread_count = c.unread_count + a.unread,
          last_inbound_at = GREATEST(c.last_inbound_at, a.last_inbound_at),
          status = CASE WHEN a.last_inbound_at IS NOT NULL AND c.status = 'closed' THEN 'open'::"ConversationStatus" ELSE c.status END,
          closed_at = CASE WHEN a.last_inbound_at IS NOT NULL THEN NULL ELSE c.closed_at END,
          updated_at = now()
        FROM unnest(${entries.map(([id]) => id)}::uuid[], ${entries.map(([, a]) => a.preview.text)}::text[],
                    ${entries.map(([, a]) => a.preview.kind)}::text[],
                    ${entries.map(([, a]) => a.direction)}::text[], ${entries.map(([, a]) => a.latestAt)}::timestamptz[],
                    ${entries.map(([, a]) => a.unread)}::int[], ${entries.map(([, a]) => a.lastInboundAt)}::timestamptz[])
          AS a(id, preview, kind, direction, latest_at, unread, last_inbound_at)
        WHERE c.id = a.id`;
      this.activity.clear();
    }
    if (this.interactions.size) {
      const entries = [...this.interactions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const ids = entries.map(([id]) => id);
      // Locks taken in id order first: contacts are shared by every number of the organization.
      await tx.$queryRaw`SELECT id FROM contacts WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
      await tx.$executeRaw`
        UPDATE contacts AS c SET last_interaction_at = GREATEST(c.last_interaction_at, a.at), updated_at = now()
        FROM unnest(${ids}::uuid[], ${entries.map(([, at]) => at)}::timestamptz[]) AS a(id, at)
        WHERE c.id = a.id`;
      this.interactions.clear();
    }
  }
}

function maxDate(a: Date | null, b: Date): Date {
  return a && a > b ? a : b;
}

/** Reads ahead what a batch of events names: its messages, its people and their conversations here. */
export async function openIngestBatch(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  events: ProviderEvent[],
): Promise<IngestBatch> {
  const messageIds = new Set<string>();
  const identities: ContactIdentity[] = [];
  const groupKeys: string[] = [];
  for (const event of events) {
    if (event.kind === "message.status") messageIds.add(event.providerMessageId);
    if (event.kind !== "message.received") continue;
    const { message } = event;
    messageIds.add(message.providerMessageId);
    if (message.chat.kind === "direct") identities.push(identityOf(message.chat));
    else {
      groupKeys.push(message.chat.address);
      if (message.sender && !message.fromMe) identities.push(identityOf(message.sender));
    }
  }
  const ids = [...messageIds];
  const rows = ids.length
    ? await tx.message.findMany({
        where: { instanceId: context.instanceId, providerMessageId: { in: ids } },
        select: { id: true, conversationId: true, status: true, providerMessageId: true },
      })
    : [];
  const known = new Map<string, KnownMessage | null>(ids.map((id) => [id, null]));
  for (const row of rows) known.set(row.providerMessageId!, row);

  const contacts = await ContactCache.load(tx, context.organizationId, identities);
  // Direct chats are keyed by their contact; people not yet known have no conversation yet.
  const chatKeys = [...groupKeys];
  for (const identity of identities) {
    for (const contact of contacts.matches(identity) ?? []) chatKeys.push(contact.id);
  }
  const conversations = await ConversationCache.load(tx, context.instanceId, chatKeys);
  return new IngestBatch(context.organizationId, context.instanceId, contacts, conversations, known);
}
