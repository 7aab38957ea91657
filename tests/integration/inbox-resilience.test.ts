import { spawn, type ChildProcess } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { callerFor, makeOrganization } from "../support/factory";
import { envelope, newMessageId, textUpsert } from "../support/evolution-payloads";
import { webhookPoster } from "../support/webhook-post";
import { baseUrl } from "../support/test-env";

const jid = (digits: string) => `${digits}@s.whatsapp.net`;

async function organizationWithInstances(count: number) {
  const org = await makeOrganization();
  const owner = callerFor(org.ownerId, org.organizationId);
  const instances = [];
  for (let i = 0; i < count; i++) {
    const created = await owner.instances.create({
      name: `Linha ${i + 1}`,
      purpose: "atendimento",
      dailySendLimit: 500,
    });
    const providerName = await withOrganization(
      org.organizationId,
      async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: created.id } })).providerName,
    );
    instances.push({ id: created.id, providerName, post: await webhookPoster(providerName) });
  }
  return { org, owner, instances };
}

/** Sends `bodies` with `concurrency` requests in flight; every one must be accepted. */
async function postAll(post: (body: unknown) => Promise<number>, bodies: unknown[], concurrency = 16) {
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) statuses.push(await post(bodies[next++]));
    }),
  );
  return statuses;
}

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/workers/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", MIRAGE_PROCESS: "worker-extra", LOG_LEVEL: "error" },
  });
}

const messageCount = (organizationId: string) => withOrganization(organizationId, (tx) => tx.message.count());

describe("inbox: resilience", () => {
  it("kill -9 of a worker in the middle of a 5,000-message burst: after a restart all 5,000 are there exactly once", async () => {
    const { org, instances } = await organizationWithInstances(4);
    const bodies = instances.map((instance, i) =>
      Array.from({ length: 1250 }, (_, n) =>
        textUpsert(
          instance.providerName,
          { remoteJid: jid(`55119${String(i)}${String(n % 200).padStart(7, "0")}`) },
          `msg ${i}-${n}`,
        ),
      ),
    );
    let worker = startWorker();
    const burst = Promise.all(instances.map((instance, i) => postAll(instance.post, bodies[i]!, 8)));
    await expect.poll(() => messageCount(org.organizationId), { timeout: 60_000, interval: 100 }).toBeGreaterThan(1000);
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
    worker = startWorker();
    try {
      const statuses = (await burst).flat();
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await expect.poll(() => messageCount(org.organizationId), { timeout: 120_000, interval: 500 }).toBe(5000);
      const check = await withOrganization(org.organizationId, async (tx) => ({
        distinct: (
          await tx.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT provider_message_id) AS n FROM messages`
        )[0]!.n,
        unprocessed: await tx.webhookDelivery.count({ where: { processedAt: null } }),
        failed: await tx.webhookDelivery.count({ where: { error: { not: null } } }),
        conversations: await tx.conversation.count(),
      }));
      expect(check).toEqual({ distinct: 5000n, unprocessed: 0, failed: 0, conversations: 800 });
    } finally {
      worker.kill("SIGTERM");
    }
  }, 240_000);

  it("≥ 500 generated malformed deliveries: each is kept and marked, the worker keeps going, no partial rows", async () => {
    const { org, instances } = await organizationWithInstances(1);
    const { providerName, post } = instances[0]!;
    const events = [
      "messages.upsert",
      "send.message",
      "messages.update",
      "messages.delete",
      "messages.edited",
      "contacts.upsert",
    ];
    const valid = () => textUpsert(providerName, { remoteJid: jid("5511987659999") }, "válida");
    const paths = [
      ["data"],
      ["data", "key"],
      ["data", "key", "id"],
      ["data", "key", "remoteJid"],
      ["data", "key", "fromMe"],
      ["data", "message"],
      ["data", "message", "conversation"],
      ["data", "messageTimestamp"],
      ["data", "messageType"],
      ["event"],
      ["instance"],
    ];
    const mutated = fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 })).map(([path, value]) => {
      const body = valid() as Record<string, unknown>;
      let node = body;
      for (const key of path.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
      node[path.at(-1)!] = value;
      return body;
    });
    const payload = fc.oneof(
      mutated,
      fc.record({
        event: fc.constantFrom(...events),
        instance: fc.constant(providerName),
        data: fc.jsonValue({ maxDepth: 4 }),
      }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const samples = fc.sample(payload, { numRuns: 500, seed: 20261125 });
    // Interleaved with good messages, which must still arrive.
    const good = Array.from({ length: 20 }, (_, i) =>
      textUpsert(providerName, { remoteJid: jid(`551198765${String(i).padStart(4, "0")}`) }, `boa ${i}`),
    );
    const statuses = await postAll(
      post,
      [...samples, ...good].map((body) => JSON.stringify(body)),
      8,
    );
    // JSON, whatever its shape, is accepted (2xx) and stored; only an unknown instance or bad secret would be refused.
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    await expect
      .poll(
        () => withOrganization(org.organizationId, (tx) => tx.webhookDelivery.count({ where: { processedAt: null } })),
        { timeout: 60_000, interval: 500 },
      )
      .toBe(0);
    const state = await withOrganization(org.organizationId, async (tx) => ({
      stored: await tx.webhookDelivery.count(),
      marked: await tx.webhookDelivery.count({ where: { error: { not: null } } }),
      emptyConversations: await tx.conversation.count({ where: { messages: { none: {} } } }),
      orphanContacts: (
        await tx.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM contacts ct WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.contact_id = ct.id)
            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.sender_contact_id = ct.id)`
      )[0]!.n,
      goodArrived: await tx.message.count({ where: { body: { startsWith: "boa " } } }),
    }));
    expect(state.stored).toBeGreaterThanOrEqual(400); // identical generated bodies are one delivery
    expect(state.marked).toBeGreaterThan(300);
    expect(state).toMatchObject({ emptyConversations: 0, orphanContacts: 0n, goodArrived: 20 });
    // The worker is alive and consuming: readiness checks its heartbeat and the queue.
    const ready = await fetch(`${baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
  }, 180_000);

  it("an unknown event type is stored and marked, not dropped", async () => {
    const { org, instances } = await organizationWithInstances(1);
    const { providerName, post } = instances[0]!;
    expect(await post(envelope("call", providerName, { id: newMessageId(), status: "offer" }))).toBe(200);
    await expect
      .poll(
        () => withOrganization(org.organizationId, (tx) => tx.webhookDelivery.findFirst({ where: { event: "call" } })),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ error: "unhandled: call" });
  });
});
