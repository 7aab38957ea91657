import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textUpsert } from "../support/evolution-payloads";
import { inboxFixture } from "../support/inbox-pipeline";
import { startOtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver";
import { testEnv } from "../support/test-env";
import { webhookPoster } from "../support/webhook-post";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
beforeAll(async () => {
  receiver = await startOtlpReceiver(Number(new URL(testEnv.OTEL_EXPORTER_OTLP_ENDPOINT).port));
});
afterAll(async () => {
  await receiver?.close();
});

const PHONE = "5511987659123";
const TEXT = "meu pedido chegou?";

describe("tracing (OTLP/HTTP)", () => {
  it("follows one webhook through the web process, the job and the worker in a single trace", async () => {
    const { org, instanceId, providerName } = await inboxFixture("Rastreio");
    const post = await webhookPoster(providerName);
    expect(await post(textUpsert(providerName, { remoteJid: `${PHONE}@s.whatsapp.net` }, TEXT))).toBe(200);

    const received = () =>
      receiver.spans.find((s) => s.name === "webhook.receive" && s.attributes["mirage.instance_id"] === instanceId);
    await expect.poll(() => received(), { timeout: 20_000 }).toBeDefined();
    const traceId = received()!.traceId;
    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const workerJob = () => inTrace().find((s) => s.service === "mirage-worker" && s.name === "job webhooks.drain");
    await expect.poll(() => workerJob(), { timeout: 30_000 }).toBeDefined();
    await expect
      .poll(() => inTrace().some((s) => s.service === "mirage-worker" && s.name.startsWith("emit ")), {
        timeout: 20_000,
      })
      .toBe(true);

    const spans = inTrace();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    // The worker's job span is a child of the web process's enqueue span: linked through the job's data.
    const producer = byId.get(workerJob()!.parentSpanId!);
    expect(producer).toMatchObject({ service: "mirage-web", name: "enqueue webhooks.drain" });
    expect(workerJob()!.attributes).toMatchObject({
      "mirage.organization_id": org.organizationId,
      "mirage.instance_id": instanceId,
      "mirage.queue": "webhooks.drain",
    });
    // Postgres statements of both processes are in the trace (pg instrumentation).
    const isPg = (s: ReceivedSpan) => (s.attributes["db.system.name"] ?? s.attributes["db.system"]) === "postgresql";
    expect(spans.some((s) => s.service === "mirage-worker" && isPg(s))).toBe(true);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(["mirage-web", "mirage-worker"]));

    // No phone number or message text in any span, from any process.
    const everything = JSON.stringify(receiver.spans satisfies ReceivedSpan[]);
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain("meu pedido");
  });
});
