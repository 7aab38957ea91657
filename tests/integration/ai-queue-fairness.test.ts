import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { allowExternalAi } from "../support/ai-settings";
import { textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";

const API_KEY = "sk-test-fairness-0123456789";
/** Each answer of the busy organization's provider takes this long: six texts, two at a time, ~7.5 s. */
const SLOW_ANSWER_MS = 2_500;
let slowProvider: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  slowProvider = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    delayMs: SLOW_ANSWER_MS,
    answer: () => ({
      sentiment: "negative",
      sentiment_score: -0.7,
      label: "complaint",
      confidence: 0.9,
      language: "pt",
    }),
  });
});
afterAll(async () => {
  await slowProvider?.close();
});

const insightCount = (organizationId: string) =>
  withOrganization(organizationId, (tx) => tx.messageInsight.count({ where: { organizationId } }));

describe("ai.* queues: concurrency per organization", () => {
  it("one organization's slow backlog does not hold another organization's classification back", async () => {
    const busy = await inboxFixture();
    await busy.owner.ai.saveProvider({
      baseUrl: slowProvider.baseUrl,
      apiKey: API_KEY,
      model: "test-model",
      timeoutMs: 10_000,
    });
    await allowExternalAi(busy.owner);
    // Six webhook batches, so six ai.classify jobs of the busy organization, queued first.
    for (let n = 0; n < 6; n++)
      await deliver(
        busy.org.organizationId,
        busy.instanceId,
        textUpsert(busy.providerName, { remoteJid: `55119870100${n}0@s.whatsapp.net` }, `Pedido ${n} atrasado`),
      );

    const quiet = await inboxFixture();
    await deliver(
      quiet.org.organizationId,
      quiet.instanceId,
      textUpsert(quiet.providerName, { remoteJid: "5511987019999@s.whatsapp.net" }, "Quero saber o preço"),
    );
    // The quiet organization (local engine) is classified in the slot the busy one may not take while it
    // still waits on its provider: with the slots first come, first served it would come after all six.
    await expect.poll(() => insightCount(quiet.org.organizationId), { timeout: 6_000 }).toBe(1);
    expect(await insightCount(busy.org.organizationId)).toBeLessThan(6);
    // The busy organization is not starved either: its jobs finish one after another.
    await expect.poll(() => insightCount(busy.org.organizationId), { timeout: 40_000 }).toBe(6);
    expect(slowProvider.requests.length).toBeGreaterThanOrEqual(6);
  });
});
