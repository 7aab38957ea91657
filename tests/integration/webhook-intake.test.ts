import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { withOrganization } from "~/server/db/tenant";
import { drainWebhookDeliveries } from "~/server/domain/webhooks/drain-webhook-deliveries";
import { whatsappProviderOfKind } from "~/server/whatsapp";
import { newMessageId, textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { simulator } from "../support/simulator-control";
import { webhookPoster } from "../support/webhook-post";

const jid = (digits: string) => `${digits}@s.whatsapp.net`;

const messagesOf = (organizationId: string) =>
  withOrganization(organizationId, (tx) => tx.message.findMany({ select: { body: true, providerMessageId: true } }));

describe("webhook intake", () => {
  it("keeps a body with \\u0000 and a lone surrogate byte-exact, answers 200 and stores the message", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const post = await webhookPoster(providerName);
    const id = newMessageId();
    // Valid JSON that jsonb refuses (\u0000) and that UTF-8 cannot hold (\ud800), as Evolution may send.
    const body = JSON.stringify(
      textUpsert(providerName, { remoteJid: jid("5511987651001"), id }, "PLACEHOLDER"),
    ).replace("PLACEHOLDER", "oi\\u0000 tudo bem? \\ud800 🌙");
    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200); // a replay is acknowledged too, and stored once

    const stored = await withOrganization(org.organizationId, (tx) =>
      tx.webhookDelivery.findMany({ where: { instanceId }, select: { rawBody: true } }),
    );
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.rawBody!).equals(Buffer.from(body))).toBe(true);

    await expect
      .poll(async () => (await messagesOf(org.organizationId)).find((m) => m.providerMessageId === id)?.body, {
        timeout: 15_000,
      })
      .toBe("oi tudo bem? \ufffd 🌙");
  });

  it("a batch with one poisoned delivery stores the others, and the poisoned one is set aside after its attempts", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const bodies = Array.from({ length: 9 }, (_, n) =>
      textUpsert(providerName, { remoteJid: jid(`55119876520${String(n).padStart(2, "0")}`) }, `mensagem ${n}`),
    );
    // A chat that names neither a phone nor a LID: parses, but cannot be applied.
    bodies.splice(4, 0, textUpsert(providerName, { remoteJid: "not-a-number@s.whatsapp.net" }, "veneno"));
    for (const body of bodies) await deliver(org.organizationId, instanceId, body, { process: false });

    await drainWebhookDeliveries({ organizationId: org.organizationId, instanceId });
    const texts = (await messagesOf(org.organizationId)).map((m) => m.body).sort();
    expect(texts).toEqual(Array.from({ length: 9 }, (_, n) => `mensagem ${n}`).sort());
    const poisoned = () =>
      withOrganization(org.organizationId, (tx) =>
        tx.webhookDelivery.findFirstOrThrow({ where: { instanceId, error: "deliveryFailed" } }),
      );
    expect(await poisoned()).toMatchObject({ attempts: 1, processedAt: null, deadAt: null });

    for (let attempt = 2; attempt <= 5; attempt++)
      await drainWebhookDeliveries({ organizationId: org.organizationId, instanceId });
    const dead = await poisoned();
    expect(dead.attempts).toBe(5);
    expect(dead.deadAt).not.toBeNull();
    // Set aside: later deliveries of the instance are no longer held behind it.
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("5511987652099") }, "depois"),
    );
    expect((await messagesOf(org.organizationId)).map((m) => m.body)).toContain("depois");
  });

  it("answers 503 at once when the intake pool is exhausted — never a 500 or a hang — and loses nothing on retry", async () => {
    const { org, providerName } = await inboxFixture();
    const post = await webhookPoster(providerName);
    // More than the intake pool (8) and its queue (256) hold at once.
    const bodies = Array.from({ length: 300 }, (_, n) =>
      textUpsert(providerName, { remoteJid: jid(`5511987653${String(n % 50).padStart(3, "0")}`) }, `fila ${n}`),
    );
    // Every intake statement blocks on this lock, holding the web's intake connections.
    const blocker = new pg.Client({ connectionString: env().DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE webhook_deliveries IN EXCLUSIVE MODE");
    const webhook = await whatsappProviderOfKind("evolution").findWebhook(providerName);
    let outcomes: { status: number; reason: string | undefined; ms: number }[];
    try {
      outcomes = await Promise.all(
        bodies.map(async (body) => {
          const started = performance.now();
          const response = await fetch(webhook!.url, {
            method: "POST",
            headers: { "content-type": "application/json", ...webhook!.headers },
            body: JSON.stringify(body),
          });
          const answer = (await response.json()) as { reason?: string };
          return { status: response.status, reason: answer.reason, ms: performance.now() - started };
        }),
      );
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([503]));
    // Past the pool (8) and its queue (256) the refusal is immediate; the rest give up waiting for a
    // connection (WEBHOOK_DB_WAIT_MS) or at the statement timeout — bounded, never Evolution's own timeout.
    const reasons = new Set(outcomes.map((o) => o.reason));
    expect(reasons).toEqual(new Set(["intake_pool_saturated", "intake_database_unavailable"]));
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(10_000);

    // Evolution retries 5xx: the same bodies now go in, once each.
    const retried: number[] = [];
    for (let start = 0; start < bodies.length; start += 50) {
      retried.push(...(await Promise.all(bodies.slice(start, start + 50).map((body) => post(body)))));
    }
    expect(new Set(retried)).toEqual(new Set([200]));
    await expect
      .poll(async () => (await messagesOf(org.organizationId)).length, { timeout: 20_000 })
      .toBe(bodies.length);
  });

  it("a connection close that follows a logout is its own timeline entry", async () => {
    const { owner, instanceId, providerName } = await inboxFixture();
    await owner.instances.connect({ instanceId });
    await simulator.scan(providerName);
    await expect.poll(async () => (await owner.instances.get({ instanceId })).state, { timeout: 15_000 }).toBe("open");
    await simulator.drop(providerName, 401);
    await expect
      .poll(
        async () =>
          (await owner.instances.get({ instanceId })).timeline
            .slice(0, 2)
            .map((e) => `${e.kind}:${e.state}`)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual(["connection:close", "logout:close"]);
  });
});
