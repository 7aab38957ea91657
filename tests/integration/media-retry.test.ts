import { describe, expect, it } from "vitest";
import { db } from "~/server/db/client";
import { connectedInboxFixture, inboxCounts, inboxFixture } from "../support/inbox-pipeline";
import { simulator } from "../support/simulator-control";

async function mediaFetchJobs(messageId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'media.fetch' AND data->>'messageId' = ${messageId}`;
  return row!.count;
}

describe("inbox: a media download that failed", () => {
  it("keeps the declared size and length, stores a code, and a retry fetches the bytes once", async () => {
    const { org, owner, providerName } = await connectedInboxFixture("5511900004444");
    // Two failed downloads: the one Evolution makes for the webhook's base64, then Mirage's media.fetch.
    await simulator.failMedia(providerName, 2);
    await simulator.inbound(providerName, { type: "video", from: "5511987650200", pushName: "Rita", caption: "olha" });
    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 15_000 }).toBe(1);
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    const video = async () =>
      (await owner.conversations.messages({ conversationId: conversation!.id, limit: 5 })).items[0]!;
    await expect.poll(async () => (await video()).media?.status, { timeout: 15_000 }).toBe("failed");

    const failed = await video();
    expect(failed.type).toBe("video");
    expect(failed.media).toMatchObject({
      url: null,
      seconds: 5,
      failure: "provider_refused",
      retryable: true,
    });
    // The simulator's sample video, as the webhook declared it.
    expect(failed.media!.size).toBeGreaterThan(0);
    expect(await mediaFetchJobs(failed.id)).toBe(1);

    // Two members click at once: one new download, both answered "pending".
    const answers = await Promise.all([
      owner.conversations.retryMedia({ messageId: failed.id }),
      owner.conversations.retryMedia({ messageId: failed.id }),
    ]);
    expect(answers).toEqual([{ mediaStatus: "pending" }, { mediaStatus: "pending" }]);
    expect(await mediaFetchJobs(failed.id)).toBe(2);

    await expect.poll(async () => (await video()).media?.status, { timeout: 15_000 }).toBe("stored");
    const stored = await video();
    expect(stored.media).toMatchObject({
      url: `/api/media/${failed.id}`,
      size: failed.media!.size,
      seconds: 5,
      failure: null,
      retryable: false,
    });
    // Asking again once it is there changes nothing.
    expect(await owner.conversations.retryMedia({ messageId: failed.id })).toEqual({ mediaStatus: "stored" });
    expect(await mediaFetchJobs(failed.id)).toBe(2);
  });

  it("refuses to retry a message without media, or media of another organization", async () => {
    const { org, owner, providerName } = await connectedInboxFixture("5511900004444");
    await simulator.inbound(providerName, { type: "text", from: "5511987650201", text: "só texto" });
    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 15_000 }).toBe(1);
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    const [text] = (await owner.conversations.messages({ conversationId: conversation!.id, limit: 5 })).items;
    await expect(owner.conversations.retryMedia({ messageId: text!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const other = await inboxFixture("Outra");
    await expect(other.owner.conversations.retryMedia({ messageId: text!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
