import { randomUUID } from "node:crypto";
import { OpenFeature } from "@openfeature/server-sdk";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { classifyMessages } from "~/server/domain/ai/classify-messages";
import { isFeatureEnabled } from "~/server/domain/flags/is-feature-enabled";
import { PostgresFlagProvider } from "~/server/domain/flags/postgres-flag-provider";
import { rolloutBucket } from "~/server/domain/flags/rollout-bucket";
import { textUpsert } from "../support/evolution-payloads";
import { addMemberWithPassword, callerFor, makeOrganization } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";

async function clientWith(domain: string, definitions: Record<string, { rolloutPercent: number }>) {
  await OpenFeature.setProviderAndWait(domain, new PostgresFlagProvider(definitions));
  return OpenFeature.getClient(domain);
}

describe("feature flags (OpenFeature, Postgres provider)", () => {
  it("a 50% rollout splits organizations about in half, the same way every time", async () => {
    const organizations = Array.from({ length: 400 }, () => randomUUID());
    const client = await clientWith("flags-split", {
      "test.half": { rolloutPercent: 50 },
      "test.other": { rolloutPercent: 50 },
    });
    const evaluate = (c: typeof client, flag: string) =>
      Promise.all(organizations.map((id) => c.getBooleanValue(flag, false, { targetingKey: id })));
    const first = await evaluate(client, "test.half");
    const on = first.filter(Boolean).length;
    expect(on).toBeGreaterThan(160);
    expect(on).toBeLessThan(240);
    // Stable: again, and from a fresh provider (another process would compute the same).
    expect(await evaluate(client, "test.half")).toEqual(first);
    expect(
      await evaluate(await clientWith("flags-split-again", { "test.half": { rolloutPercent: 50 } }), "test.half"),
    ).toEqual(first);
    // Each flag splits on its own: another flag at 50% is not the same half.
    const other = await evaluate(client, "test.other");
    expect(other.filter((v, i) => v !== first[i]).length).toBeGreaterThan(100);
    // Raising the percentage only adds organizations.
    const wider = await evaluate(await clientWith("flags-wider", { "test.half": { rolloutPercent: 75 } }), "test.half");
    expect(first.every((v, i) => !v || wider[i])).toBe(true);
    expect(wider.filter(Boolean).length).toBeGreaterThan(on);
  });

  it("an admin's override in Configurações wins over the rollout, is audited once, and can be cleared", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const flag = "campaigns.variant-experiment" as const;
    const byRollout = rolloutBucket(flag, org.organizationId) < 50;
    expect(await isFeatureEnabled(org.organizationId, flag)).toBe(byRollout);

    await owner.flags.set({ key: flag, enabled: !byRollout });
    await owner.flags.set({ key: flag, enabled: !byRollout }); // same value again: no second write
    expect(await isFeatureEnabled(org.organizationId, flag)).toBe(!byRollout);
    expect((await owner.flags.list()).find((f) => f.key === flag)).toEqual({
      key: flag,
      rolloutPercent: 50,
      override: !byRollout,
      enabled: !byRollout,
    });
    // Another organization is unaffected.
    const otherOrg = await makeOrganization();
    expect(await isFeatureEnabled(otherOrg.organizationId, flag)).toBe(
      rolloutBucket(flag, otherOrg.organizationId) < 50,
    );

    await owner.flags.set({ key: flag, enabled: null });
    expect(await isFeatureEnabled(org.organizationId, flag)).toBe(byRollout);
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({
        where: { action: "feature_flag.set" },
        orderBy: { createdAt: "asc" },
        select: { metadata: true },
      }),
    );
    expect(audit.map((a) => a.metadata)).toEqual([
      { from: null, to: !byRollout },
      { from: !byRollout, to: null },
    ]);

    // Members who are not admins cannot change flags.
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    await expect(callerFor(agent.userId, org.organizationId).flags.set({ key: flag, enabled: true })).rejects.toThrow();
  });

  it("AI classification is gated by the ai.insights flag", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    await owner.flags.set({ key: "ai.insights", enabled: false });
    const text = "O produto chegou quebrado, quero reclamar";
    await deliver(
      org.organizationId,
      fixture.instanceId,
      textUpsert(fixture.providerName, { remoteJid: "5511987650777@s.whatsapp.net" }, text),
    );
    const messageId = await withOrganization(
      org.organizationId,
      async (tx) => (await tx.message.findFirstOrThrow({ where: { body: text }, select: { id: true } })).id,
    );
    const insight = () =>
      withOrganization(org.organizationId, (tx) => tx.messageInsight.findUnique({ where: { messageId } }));
    expect(await classifyMessages({ organizationId: org.organizationId, messageIds: [messageId] })).toEqual({
      classified: 0,
    });
    expect(await insight()).toBeNull();

    // Back to the rollout (100%): classified, here or by the worker's own job.
    await owner.flags.set({ key: "ai.insights", enabled: null });
    await classifyMessages({ organizationId: org.organizationId, messageIds: [messageId] });
    expect(await insight()).toMatchObject({ engine: "local" });
  });
});
