import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { runCampaignDispatch } from "~/server/domain/campaigns/run-campaign-dispatch";
import { campaignInput, organizationWithNumbers, seedContacts } from "../support/campaign-fixtures";

const phone = (n: number) => `+55119${String(72000000 + n)}`;
const HOUR = 3_600_000;

const setDailyLimit = (organizationId: string, instanceId: string, dailySendLimit: number) =>
  withOrganization(organizationId, (tx) => tx.instance.update({ where: { id: instanceId }, data: { dailySendLimit } }));

describe("campaign wizard estimates", () => {
  it("the audience sample and count hold only contacts who would receive it", async () => {
    const { org, owner } = await organizationWithNumbers(0);
    await seedContacts(org.organizationId, [
      { phone: phone(1), name: "Ana", consent: "opted_in" },
      { phone: phone(2), name: "Bruno", consent: "opted_out" },
      { phone: phone(3), name: "Carla", consent: "opted_in", blocked: true },
      { phone: phone(4), name: "Diego" },
    ]);
    const audience = campaignInput([]).audience;
    const consent = await owner.campaigns.previewAudience({ audience, legalBasis: "consent" });
    expect(consent).toMatchObject({ total: 4, eligible: 1, optedOut: 1, blocked: 1 });
    expect(consent.sample.map((c) => c.name)).toEqual(["Ana"]);

    // Another legal basis with "opted in or unknown" also reaches Diego, never Bruno or Carla.
    const wider = await owner.campaigns.previewAudience({
      audience: { ...audience, consent: "opted_in_or_unknown" },
      legalBasis: "legitimate_interest",
    });
    expect(wider.eligible).toBe(2);
    expect(wider.sample.map((c) => c.name).sort()).toEqual(["Ana", "Diego"]);
    // The legal basis "consent" needs an opt-in whatever the audience says.
    const strict = await owner.campaigns.previewAudience({
      audience: { ...audience, consent: "opted_in_or_unknown" },
      legalBasis: "consent",
    });
    expect(strict.sample.map((c) => c.name)).toEqual(["Ana"]);
  });

  it("the pace comes from the number's own daily limit and the send window", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await setDailyLimit(org.organizationId, numbers[0]!.id, 40);
    await seedContacts(
      org.organizationId,
      Array.from({ length: 50 }, (_, i) => ({ phone: phone(100 + i), consent: "opted_in" as const })),
    );
    const input = campaignInput([numbers[0]!.id]);
    const before = Date.now();
    const estimate = await owner.campaigns.estimatePace(input);
    expect(estimate).toMatchObject({ recipients: 50, perHour: 20_000, perDay: 40, connectedOnly: true, sendable: 50 });
    expect(estimate.numbers).toEqual([{ id: numbers[0]!.id, name: "Número 1", state: "open", dailySendLimit: 40 }]);
    // 40 now, the last 10 once the first 40 are a day old.
    const finish = new Date(estimate.finishAt!).getTime();
    expect(finish).toBeGreaterThanOrEqual(before + 24 * HOUR);
    expect(finish).toBeLessThan(Date.now() + 24 * HOUR + 3 * 60_000);

    // One open hour a day, 30 an hour: the window, not the day limit, sets the day.
    const narrow = await owner.campaigns.estimatePace({
      ...input,
      limits: { ...input.limits, perHour: 30 },
      schedule: { ...input.schedule, from: "09:00", to: "10:00" },
    });
    expect(narrow).toMatchObject({ perHour: 30, perDay: 30 });
  });

  it("what a number already sent today counts against its daily limit", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await setDailyLimit(org.organizationId, numbers[0]!.id, 3);
    await seedContacts(
      org.organizationId,
      [1, 2, 3].map((n) => ({ phone: phone(200 + n), consent: "opted_in" as const })),
    );
    const sentToday = await owner.campaigns.save(campaignInput([numbers[0]!.id], { name: "Já enviada" }));
    await owner.campaigns.launch({ campaignId: sentToday.id });
    await runCampaignDispatch({ organizationId: org.organizationId }, { runMs: 6_000 });
    const claimed = () =>
      withOrganization(org.organizationId, (tx) =>
        tx.campaignRecipient.count({ where: { campaignId: sentToday.id, claimedAt: { not: null } } }),
      );
    await expect.poll(claimed, { timeout: 15_000 }).toBe(3);

    // The same three again: nothing fits today; they go when the first sends are 24 h old.
    const estimate = await owner.campaigns.estimatePace(campaignInput([numbers[0]!.id]));
    expect(estimate.recipients).toBe(3);
    expect(new Date(estimate.finishAt!).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);
  });

  it("the launch confirmation states recipients, numbers and the finish of the saved draft", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(2);
    await seedContacts(org.organizationId, [
      { phone: phone(301), consent: "opted_in" },
      { phone: phone(302), consent: "opted_in" },
      { phone: phone(303), consent: "opted_out" },
    ]);
    const draft = await owner.campaigns.save(
      campaignInput(
        numbers.map((n) => n.id),
        { name: "Novidades" },
      ),
    );
    const plan = await owner.campaigns.launchPlan({ campaignId: draft.id });
    expect(plan).toMatchObject({ campaignId: draft.id, name: "Novidades", recipients: 2, connectedOnly: true });
    expect(plan.numbers.map((n) => n.name)).toEqual(["Número 1", "Número 2"]);
    expect(new Date(plan.finishAt!).getTime()).toBeLessThan(Date.now() + 5 * 60_000);

    await owner.campaigns.launch({ campaignId: draft.id });
    await expect(owner.campaigns.launchPlan({ campaignId: draft.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
