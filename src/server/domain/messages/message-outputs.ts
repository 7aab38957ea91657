import { mediaFailures } from "../../../shared/media-failure";
import { transcriptSkips } from "../../../shared/transcription";
import { z } from "../../../shared/zod";

export const messageOutput = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(["inbound", "outbound", "internal"]),
  type: z.string(),
  body: z.string().nullable(),
  status: z.string(),
  failureReason: z.string().nullable(),
  senderName: z.string().nullable(),
  authorName: z.string().nullable(),
  sentAt: z.string(),
  providerMessageId: z.string().nullable(),
  quotedProviderMessageId: z.string().nullable(),
  // Per message type (location, contact card, …); parsed with its schema where it is stored and read.
  details: z.unknown(),
  reactions: z.record(z.string(), z.string()),
  media: z
    .object({
      url: z.string().nullable(),
      mimeType: z.string().nullable(),
      fileName: z.string().nullable(),
      /** As declared by the sender's phone: known even when the bytes never arrived. */
      size: z.number().nullable(),
      /** A video's or audio's length as declared, in seconds. */
      seconds: z.number().nullable(),
      status: z.string(),
      failure: z.enum(mediaFailures).nullable(),
      /** Whether asking for the bytes again may help (retryMessageMedia). */
      retryable: z.boolean(),
    })
    .nullable(),
  /** A voice note's words (provider transcription), or why there are none (a code). */
  transcript: z
    .object({
      text: z.string().nullable(),
      language: z.string().nullable(),
      seconds: z.number().nullable(),
      skip: z.enum(transcriptSkips).nullable(),
    })
    .nullable(),
  editedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The AI's sentiment and label (codes), as reviewed by an agent when they were. */
  insight: z
    .object({
      sentiment: z.enum(["positive", "neutral", "negative"]),
      sentimentScore: z.number(),
      label: z.string().nullable(),
      confidence: z.number(),
      engine: z.string(),
      review: z.enum(["confirmed", "corrected"]).nullable(),
    })
    .nullable(),
});

export const listMessagesOutput = z.object({
  /** Oldest first, ready to render. */
  items: z.array(messageOutput),
  /** Cursor for the next older page, null at the conversation's start. */
  olderCursor: z.object({ at: z.string(), id: z.string() }).nullable(),
  /** Server time of this read: the next catch-up asks for changes since then. */
  readAt: z.string(),
});

export const listMessageChangesOutput = z.object({
  items: z.array(messageOutput),
  readAt: z.string(),
  hasMore: z.boolean(),
});

export const sendReplyOutput = messageOutput;
export const addNoteOutput = messageOutput;

export const retryMessageMediaOutput = z.object({ mediaStatus: z.enum(["pending", "stored"]) });
