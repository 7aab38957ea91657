import { describe, expect, it } from "vitest";
import { runInstanceWatchdog } from "~/server/domain/instances/run-instance-watchdog";
import { withOrganization } from "~/server/db/tenant";
import { whatsappProviderOfKind } from "~/server/whatsapp";
import { callerFor, makeOrganization, addMemberWithPassword, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp, trpcMutation } from "../support/http-session";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

async function newInstance(name = "Atendimento SP") {
  const org = await makeOrganization();
  const owner = callerFor(org.ownerId, org.organizationId);
  const instance = await owner.instances.create({ name, purpose: "atendimento", dailySendLimit: 500 });
  const providerName = await withOrganization(
    org.organizationId,
    async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: instance.id } })).providerName,
  );
  return { org, owner, instance, providerName };
}

const stateOf = (owner: ReturnType<typeof callerFor>, instanceId: string) => async () =>
  (await owner.instances.get({ instanceId })).state;

describe("instances", () => {
  it("create → QR → scan → open → drop 515 → reconnects → logout → delete", async () => {
    const { owner, instance, providerName } = await newInstance();
    expect(instance.state).toBe("close");

    const pairing = await owner.instances.connect({ instanceId: instance.id });
    expect(pairing.state).toBe("connecting");
    expect(pairing.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    await simulator.scan(providerName, { phoneNumber: "5511987654321", profileName: "Padaria" });
    await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");
    const open = await owner.instances.get({ instanceId: instance.id });
    expect(open).toMatchObject({ phoneNumber: "5511987654321", profileName: "Padaria", qrDataUrl: null });

    await simulator.drop(providerName, 515);
    await expect
      .poll(
        async () =>
          (await owner.instances.get({ instanceId: instance.id })).timeline.some(
            (e) => e.state === "connecting" && e.kind === "connection",
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");

    await owner.instances.action({ instanceId: instance.id, action: "logout" });
    const loggedOut = await owner.instances.get({ instanceId: instance.id });
    expect(loggedOut).toMatchObject({ state: "close", stateReason: "logged_out", downSince: null });
    // The action is on the timeline; Evolution's logout.instance and close may already follow it (each its own entry).
    expect(loggedOut.timeline.find((e) => e.kind === "action")).toBeDefined();

    await owner.instances.action({ instanceId: instance.id, action: "delete" });
    await expect(owner.instances.get({ instanceId: instance.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const remote = await whatsappProviderOfKind("evolution").fetchInstances();
    expect(remote.map((r) => r.name)).not.toContain(providerName);
  });

  it("the watchdog catches a silent drop and reconnects with backoff, on the timeline", async () => {
    const { org, owner, instance, providerName } = await newInstance();
    await owner.instances.connect({ instanceId: instance.id });
    await simulator.scan(providerName);
    await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");

    await simulator.drop(providerName, 428, true);
    await runInstanceWatchdog({ organizationId: org.organizationId });
    const detail = await owner.instances.get({ instanceId: instance.id });
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["watchdog_drop", "watchdog_reconnect"]));
    expect(detail.reconnectAttempts).toBe(1);
    expect(detail.nextReconnectAt!.getTime()).toBeGreaterThan(Date.now() + 10_000);
    await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");
    const reopened = await owner.instances.get({ instanceId: instance.id });
    expect(reopened).toMatchObject({ reconnectAttempts: 0, nextReconnectAt: null, downSince: null });
  });

  it("computes uptime over 24 h and 7 d from the timeline", async () => {
    const { org, owner, instance } = await newInstance();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await withOrganization(org.organizationId, async (tx) => {
      await tx.instanceEvent.deleteMany({ where: { instanceId: instance.id } });
      await tx.instanceEvent.createMany({
        data: [
          {
            organizationId: org.organizationId,
            instanceId: instance.id,
            kind: "connection",
            state: "close",
            occurredAt: hoursAgo(48),
          },
          {
            organizationId: org.organizationId,
            instanceId: instance.id,
            kind: "connection",
            state: "open",
            occurredAt: hoursAgo(12),
          },
        ],
      });
    });
    const listed = (await owner.instances.list()).instances[0]!;
    expect(listed.uptime24h).toBeCloseTo(0.5, 2);
    expect(listed.uptime7d).toBeCloseTo(0.25, 2);
  });

  it("flags an instance that stays down longer than INSTANCE_DOWN_ALERT_MINUTES", async () => {
    const { org, owner, instance } = await newInstance();
    expect((await owner.instances.list()).instances[0]!.alert).toBe(false);
    await withOrganization(org.organizationId, (tx) =>
      tx.instance.update({
        where: { id: instance.id },
        data: { state: "close", stateReason: "connection_lost", downSince: new Date(Date.now() - 11 * 60_000) },
      }),
    );
    expect((await owner.instances.list()).instances[0]!.alert).toBe(true);
  });

  it("agents see instances but cannot manage them; other organizations cannot see them", async () => {
    const { org, instance } = await newInstance();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const asAgent = callerFor(agent.userId, org.organizationId);
    expect((await asAgent.instances.list()).instances.map((i) => i.id)).toEqual([instance.id]);
    await expect(asAgent.instances.action({ instanceId: instance.id, action: "restart" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stranger = await makeOrganization();
    await expect(
      callerFor(stranger.ownerId, stranger.organizationId).instances.get({ instanceId: instance.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("webhook intake", () => {
  async function secretOf(providerName: string) {
    const webhook = await whatsappProviderOfKind("evolution").findWebhook(providerName);
    return { url: webhook!.url, secret: webhook!.headers["x-mirage-webhook-secret"]! };
  }
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("refuses a wrong or absent secret, an unknown instance, malformed JSON and an oversized body", async () => {
    const { org, providerName } = await newInstance();
    const { url, secret } = await secretOf(providerName);
    const body = JSON.stringify({
      event: "connection.update",
      instance: providerName,
      data: { instance: providerName, state: "connecting", statusReason: 200 },
      date_time: new Date().toISOString(),
    });
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, { "x-mirage-webhook-secret": "wrong" })).status).toBe(401);
    expect(
      (
        await post(
          `${baseUrl}/api/webhooks/evolution/${org.organizationId}/00000000-0000-4000-8000-000000000000`,
          body,
          { "x-mirage-webhook-secret": secret },
        )
      ).status,
    ).toBe(404);
    expect((await post(url, "{not json", { "x-mirage-webhook-secret": secret })).status).toBe(400);
    expect((await post(url, "x".repeat(41 * 1024 * 1024), { "x-mirage-webhook-secret": secret })).status).toBe(413);
    expect((await post(url, body, { "x-mirage-webhook-secret": secret })).status).toBe(200);
  });

  it("a delivery replayed three times changes the state once", async () => {
    const { owner, instance, providerName } = await newInstance();
    const { url, secret } = await secretOf(providerName);
    const body = JSON.stringify({
      event: "connection.update",
      instance: providerName,
      data: {
        instance: providerName,
        wuid: "5511912345678@s.whatsapp.net",
        profileName: "Loja",
        state: "open",
        statusReason: 200,
      },
      date_time: new Date().toISOString(),
      sender: "5511912345678@s.whatsapp.net",
      server_url: "http://localhost",
      apikey: null,
    });
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(url, body, { "x-mirage-webhook-secret": secret }).then((r) => r.json())),
    );
    expect(answers.filter((a: { duplicate: boolean }) => !a.duplicate)).toHaveLength(1);
    await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");
    const connectionEvents = (await owner.instances.get({ instanceId: instance.id })).timeline.filter(
      (e) => e.kind === "connection",
    );
    expect(connectionEvents).toHaveLength(1);
  });
});

describe("webhook registration", () => {
  it("the watchdog re-registers a webhook whose URL changed, with a new secret", async () => {
    const { org, instance, providerName } = await newInstance();
    const before = await whatsappProviderOfKind("evolution").findWebhook(providerName);
    await withOrganization(org.organizationId, (tx) =>
      tx.instance.update({
        where: { id: instance.id },
        data: { webhookUrl: "http://old-host:3000/api/webhooks/evolution/x/y" },
      }),
    );
    await runInstanceWatchdog({ organizationId: org.organizationId });
    const after = await whatsappProviderOfKind("evolution").findWebhook(providerName);
    expect(after!.url).toBe(before!.url);
    expect(after!.headers["x-mirage-webhook-secret"]).not.toBe(before!.headers["x-mirage-webhook-secret"]);
    const post = (secret: string) =>
      fetch(after!.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-mirage-webhook-secret": secret },
        body: "{}",
      });
    expect((await post(before!.headers["x-mirage-webhook-secret"]!)).status).toBe(401);
    expect((await post(after!.headers["x-mirage-webhook-secret"]!)).status).toBe(200);
  });
});

describe("deliveries duplicated and out of order", () => {
  it("pairing still ends open, with each state change recorded once", async () => {
    const { owner, instance, providerName } = await newInstance();
    await simulator.webhooks({ duplicates: true, reorder: true });
    try {
      await owner.instances.connect({ instanceId: instance.id });
      await simulator.scan(providerName);
      await expect.poll(stateOf(owner, instance.id), { timeout: 15_000 }).toBe("open");
      await new Promise((r) => setTimeout(r, 1_000)); // let every duplicate arrive
    } finally {
      await simulator.webhooks({ duplicates: false, reorder: false });
    }
    const detail = await owner.instances.get({ instanceId: instance.id });
    expect(detail.state).toBe("open");
    expect(detail.timeline.filter((e) => e.kind === "connection" && e.state === "open")).toHaveLength(1);
  });
});

describe("Evolution API down", () => {
  it("the circuit opens after repeated failures, the API says so, and it recovers", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const instance = await owner.instances.create({ name: "Campanhas", purpose: "campanhas", dailySendLimit: 200 });
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const listOverHttp = async () => {
      const response = await fetch(`${baseUrl}/api/trpc/instances.list`, { headers: { cookie } });
      return ((await response.json()) as { result: { data: { json: { evolution: { circuit: string } } } } }).result.data
        .json.evolution.circuit;
    };
    await simulator.outage(true);
    try {
      for (let i = 0; i < 6; i++) {
        const { status, body } = await trpcMutation(cookie, "instances.connect", { instanceId: instance.id });
        expect(status).toBe(503);
        expect(body.error!.json.data).toMatchObject({ reason: expect.stringMatching(/^evolution/) });
      }
      expect(await listOverHttp()).toBe("open");
    } finally {
      await simulator.outage(false);
    }
    // After the cool-down a probe goes through and closes the circuit.
    await new Promise((r) => setTimeout(r, 2_500));
    const { status } = await trpcMutation(cookie, "instances.connect", { instanceId: instance.id });
    expect(status).toBe(200);
    expect(await listOverHttp()).toBe("closed");
  });
});
