import type { Prisma } from "../../db/client";
import type { Tx } from "../../db/tenant";
import { mediaFailureOf } from "../../../shared/media-failure";
import { transcriptSkipOf } from "../../../shared/transcription";
import { messageDetailsOf } from "./message-json-schema";
import { mediaRetryable } from "./retry-message-media";
import type { messageOutput } from "./message-outputs";
import type { z } from "../../../shared/zod";

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
  transcript: true,
  transcriptLanguage: true,
  transcriptSeconds: true,
  transcriptSkip: true,
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

export type MessageDto = z.infer<typeof messageOutput>;

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
    transcript:
      row.transcript !== null || row.transcriptSkip !== null
        ? {
            text: row.transcript,
            language: row.transcriptLanguage,
            seconds: row.transcriptSeconds,
            skip: transcriptSkipOf(row.transcriptSkip),
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
