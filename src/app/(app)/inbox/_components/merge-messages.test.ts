import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";
import type { MessageDto } from "./types";

const message = (id: string, sentAt: string, patch: Partial<MessageDto> = {}): MessageDto => ({
  id,
  conversationId: "c",
  direction: "inbound",
  type: "text",
  body: id,
  status: "received",
  failureReason: null,
  senderName: null,
  authorName: null,
  sentAt,
  providerMessageId: null,
  quotedProviderMessageId: null,
  details: null,
  reactions: {},
  media: null,
  transcript: null,
  editedAt: null,
  revokedAt: null,
  updatedAt: sentAt,
  insight: null,
  ...patch,
});

describe("merging message changes into the loaded window", () => {
  const a = message("a", "2025-11-26T10:00:00.000Z");
  const b = message("b", "2025-11-26T10:01:00.000Z");

  it("replaces changed messages and appends new ones in (sentAt, id) order", () => {
    const read = { ...b, status: "read", updatedAt: "2025-11-26T10:05:00.000Z" };
    const c = message("c", "2025-11-26T10:01:00.000Z");
    const merged = mergeMessages([a, b], [c, read]);
    expect(merged.map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(merged[1]!.status).toBe("read");
  });

  it("keeps a fresher copy over a stale one", () => {
    const fresh = { ...b, status: "read", updatedAt: "2025-11-26T10:05:00.000Z" };
    expect(mergeMessages([a, fresh], [b])[1]!.status).toBe("read");
  });

  it("leaves out new messages older than the window while older history is unloaded", () => {
    const old = message("old", "2025-11-20T10:00:00.000Z");
    expect(mergeMessages([a, b], [old], { hasOlder: true }).map((m) => m.id)).toEqual(["a", "b"]);
    expect(mergeMessages([a, b], [old], { hasOlder: false }).map((m) => m.id)).toEqual(["old", "a", "b"]);
  });
});
