import type { Prisma } from "../../db/client";
import type { Tx } from "../../db/tenant";
import { mediaFailureOf, type MediaFailure } from "../../../shared/media-failure";
import { messageDetailsOf } from "./message-json-schema";
import { mediaRetryable } from "./retry-message-media";

export const messageDtoSelect = {
  id: true,
  conversationId: true,
  direction: true,
  type: true,
  body: true,
  status: true,
  failureReason: true,
  senderName: true,
  authorUserId: true,
  sentAt: true,
  providerMessageId: true,
  quotedProviderMessageId: true,
  details: true,
  reactions: true,
  mediaMimeType: true,
  mediaFileName: true,
  mediaSize: true,
  mediaStatus: true,
  mediaFailure: true,
  editedAt: true,
  revokedAt: true,
  updatedAt: true,
  insight: {
    select: {
      sentiment: true,
      sentimentScore: true,
      label: true,
      confidence: true,
      engine: true,
      review: true,
      reviewedSentiment: true,
      reviewedLabel: true,
    },
  },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageDtoSelect }>;

export interface MessageDto {
  id: string;
  conversationId: string;
  direction: "inbound" | "outbound" | "internal";
  type: string;
  body: string | null;
  status: string;
  failureReason: string | null;
  senderName: string | null;
  authorName: string | null;
  sentAt: string;
  providerMessageId: string | null;
  quotedProviderMessageId: string | null;
  details: unknown;
  reactions: Record<string, string>;
  media: {
    url: string | null;
    mimeType: string | null;
    fileName: string | null;
    /** As declared by the sender's phone: known even when the bytes never arrived. */
    size: number | null;
    /** A video's or audio's length as declared, in seconds. */
    seconds: number | null;
    status: string;
    failure: MediaFailure | null;
    /** Whether asking for the bytes again may help (retryMessageMedia). */
    retryable: boolean;
  } | null;
  editedAt: string | null;
  revokedAt: string | null;
  updatedAt: string;
  /** The AI's sentiment and label (codes), as reviewed by an agent when they were. */
  insight: {
    sentiment: "positive" | "neutral" | "negative";
    sentimentScore: number;
    label: string | null;
    confidence: number;
    engine: string;
    review: "confirmed" | "corrected" | null;
  } | null;
}

/** Rows to DTOs, with the names of the members who wrote replies and notes. */
export async function messageDtos(tx: Tx, rows: MessageRow[]): Promise<MessageDto[]> {
  const authorIds = [...new Set(rows.map((row) => row.authorUserId).filter((id): id is string => !!id))];
  const authors = authorIds.length
    ? await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(authors.map((author) => [author.id, author.name]));
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    type: row.type,
    body: row.body,
    status: row.status,
    failureReason: row.failureReason,
    senderName: row.senderName,
    authorName: row.authorUserId ? (names.get(row.authorUserId) ?? null) : null,
    sentAt: row.sentAt.toISOString(),
    providerMessageId: row.providerMessageId,
    quotedProviderMessageId: row.quotedProviderMessageId,
    details: row.details,
    reactions: (row.reactions ?? {}) as Record<string, string>,
    media: row.mediaStatus
      ? {
          // Served by /api/media/<message id> to members of the organization only.
          url: row.mediaStatus === "stored" ? `/api/media/${row.id}` : null,
          mimeType: row.mediaMimeType,
          fileName: row.mediaFileName,
          size: row.mediaSize,
          seconds: messageDetailsOf(row)?.seconds ?? null,
          status: row.mediaStatus,
          failure: mediaFailureOf(row.mediaFailure),
          retryable: mediaRetryable(row),
        }
      : null,
    editedAt: row.editedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    insight: row.insight
      ? {
          // An agent's correction is what the message is; the machine's guess stays for accuracy figures.
          sentiment: row.insight.review === "corrected" ? row.insight.reviewedSentiment! : row.insight.sentiment,
          sentimentScore: row.insight.sentimentScore,
          label: row.insight.review === "corrected" ? row.insight.reviewedLabel : row.insight.label,
          confidence: row.insight.confidence,
          engine: row.insight.engine,
          review: row.insight.review,
        }
      : null,
  }));
}
