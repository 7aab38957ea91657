import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { runCampaignDispatch } from "~/server/domain/campaigns/run-campaign-dispatch";
import { campaignInput, organizationWithNumbers, seedContacts } from "../support/campaign-fixtures";
import { simulator } from "../support/simulator-control";

const phone = (n: number) => `+55119${String(70000000 + n)}`;

const recipientsOf = (organizationId: string, campaignId: string) =>
  withOrganization(organizationId, (tx) =>
    tx.campaignRecipient.findMany({
      where: { campaignId },
      include: { campaign: false },
      orderBy: { createdAt: "asc" },
    }),
  );

describe("campaigns", () => {
  it("launch freezes the audience with a preflight, sends only with consent, once each, and counts the funnel", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    const base = 100;
    await seedContacts(org.organizationId, [
      { phone: phone(base + 1), name: "Ana Souza", consent: "opted_in" },
      { phone: phone(base + 2), name: "Bruno Lima", consent: "opted_in" },
      { phone: phone(base + 3), name: "Carla Dias", consent: "opted_in" },
      { phone: phone(base + 4), consent: "opted_out" },
      { phone: phone(base + 5), consent: "unknown" },
      { phone: phone(base + 6), consent: "opted_in", blocked: true },
      { phone: phone(base + 7), name: "Sem WhatsApp", consent: "opted_in" },
    ]);
    await simulator.failSends(numbers[0]!.providerName, {
      mode: "not-on-whatsapp",
      numbers: [phone(base + 7).slice(1)],
    });
    const campaign = await owner.campaigns.save(campaignInput([numbers[0]!.id]));
    const preflight = await owner.campaigns.launch({ campaignId: campaign.id });
    expect(preflight).toMatchObject({
      audience: 7,
      eligible: 3,
      numbersChecked: true,
      excluded: { opted_out: 1, no_consent: 1, blocked: 1, not_on_whatsapp: 1 },
    });
    await expect(owner.campaigns.launch({ campaignId: campaign.id })).rejects.toMatchObject({ code: "CONFLICT" });

    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent, { timeout: 30_000 })
      .toBe(3);
    const sent = (await simulator.sent(numbers[0]!.providerName)).filter((s) => s.text?.includes("Ofertas"));
    expect(sent.map((s) => s.text).sort()).toEqual([
      "Olá, Ana! Ofertas para você.",
      "Olá, Bruno! Ofertas para você.",
      "Olá, Carla! Ofertas para você.",
    ]);
    expect(new Set(sent.map((s) => s.to)).size).toBe(3);

    // Acks and a reply move the funnel; the campaign completes.
    await simulator.ack(numbers[0]!.providerName, sent[0]!.messageId, "READ");
    await simulator.inbound(numbers[0]!.providerName, { type: "text", from: phone(base + 1).slice(1), text: "Quero!" });
    await expect
      .poll(
        async () => {
          const report = await owner.campaigns.report({ campaignId: campaign.id });
          return { read: report.funnel.read, replied: report.funnel.replied, status: report.campaign.status };
        },
        { timeout: 20_000 },
      )
      .toMatchObject({ read: expect.any(Number), replied: 1, status: "completed" });
  });

  it("never exceeds a number's per-minute limit (by the times the simulator received the sends)", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await seedContacts(
      org.organizationId,
      Array.from({ length: 12 }, (_, i) => ({ phone: phone(300 + i), consent: "opted_in" as const })),
    );
    const campaign = await owner.campaigns.save(
      campaignInput([numbers[0]!.id], {
        name: "Limite",
        limits: { perMinute: 4, perHour: 100, perDay: 1000, minIntervalSeconds: 0, maxIntervalSeconds: 0 },
      }),
    );
    await owner.campaigns.launch({ campaignId: campaign.id });
    // Run the engine for a while in this process too: two dispatchers must still respect the limit.
    await runCampaignDispatch({ organizationId: org.organizationId }, { runMs: 6_000 });
    await new Promise((r) => setTimeout(r, 4_000));
    const sent = (await simulator.sent(numbers[0]!.providerName)).filter((s) => s.text?.includes("Ofertas"));
    expect(sent).toHaveLength(4);
    const times = sent.map((s) => new Date(s.receivedAt).getTime()).sort();
    for (let i = 0; i < times.length; i++)
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 60_000).length).toBeLessThanOrEqual(4);
    const report = await owner.campaigns.report({ campaignId: campaign.id });
    expect(report.funnel.queued).toBe(8);
  }, 60_000);

  it("sends nothing outside the window (controllable clock), and inside it does", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await seedContacts(org.organizationId, [{ phone: phone(400), name: "Dora", consent: "opted_in" }]);
    // A weekday that is not today, so the real worker (on the real clock) finds the window closed.
    const realWeekday = new Date().getUTCDay();
    const windowDay = (realWeekday + 3) % 7;
    const insideWindow = new Date();
    insideWindow.setUTCDate(insideWindow.getUTCDate() + ((windowDay - realWeekday + 7) % 7));
    insideWindow.setUTCHours(14, 0, 0, 0); // 11:00 in São Paulo
    const campaign = await owner.campaigns.save(
      campaignInput([numbers[0]!.id], {
        name: "Janela",
        schedule: {
          startAt: new Date(Date.now() - 60_000).toISOString(),
          weekdays: [windowDay],
          from: "09:00",
          to: "18:00",
          quietFrom: "12:00",
          quietTo: "13:00",
          skipHolidays: false,
        },
      }),
    );
    await owner.campaigns.launch({ campaignId: campaign.id });
    const dispatch = (at: Date) =>
      runCampaignDispatch(
        { organizationId: org.organizationId },
        { now: () => at, runMs: 1_000, campaignId: campaign.id },
      );
    const before = new Date(insideWindow.getTime() - 3 * 3_600_000); // 08:00
    const quiet = new Date(insideWindow.getTime() + 75 * 60_000); // 12:15
    const otherDay = new Date(insideWindow.getTime() + 86_400_000);
    for (const at of [before, quiet, otherDay]) expect((await dispatch(at)).sent).toBe(0);
    expect((await simulator.sent(numbers[0]!.providerName)).filter((s) => s.text?.includes("Dora"))).toEqual([]);
    expect((await dispatch(insideWindow)).sent).toBe(1);
  });

  it("a contact who answers SAIR is opted out at once, confirmed once, and never messaged again", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    const [eva] = await seedContacts(org.organizationId, [
      { phone: phone(500), name: "Eva", consent: "opted_in" },
      ...Array.from({ length: 5 }, (_, i) => ({ phone: phone(501 + i), consent: "opted_in" as const })),
    ]);
    const first = await owner.campaigns.save(campaignInput([numbers[0]!.id], { name: "Primeira" }));
    await owner.campaigns.launch({ campaignId: first.id });
    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: first.id })).funnel.sent, { timeout: 30_000 })
      .toBe(6);

    await simulator.inbound(numbers[0]!.providerName, { type: "text", from: phone(500).slice(1), text: "Sair!" });
    await expect
      .poll(() => withOrganization(org.organizationId, (tx) => tx.contact.findUniqueOrThrow({ where: { id: eva } })), {
        timeout: 15_000,
      })
      .toMatchObject({ consentStatus: "opted_out" });
    await expect
      .poll(
        async () =>
          (await simulator.sent(numbers[0]!.providerName)).filter((s) => s.text?.includes("não receberá mais")).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    const ledger = await withOrganization(org.organizationId, (tx) =>
      tx.consentEvent.findMany({ where: { contactId: eva }, orderBy: { occurredAt: "desc" } }),
    );
    expect(ledger[0]).toMatchObject({
      status: "opted_out",
      source: "whatsapp",
      evidence: expect.stringContaining("Sair!"),
    });
    expect((await owner.campaigns.report({ campaignId: first.id })).funnel.optedOut).toBe(1);

    // Saying it again changes nothing and sends no second confirmation.
    await simulator.inbound(numbers[0]!.providerName, { type: "text", from: phone(500).slice(1), text: "SAIR" });
    const second = await owner.campaigns.save(
      campaignInput([numbers[0]!.id], { name: "Segunda", recentContactDays: 0 }),
    );
    const preflight = await owner.campaigns.launch({ campaignId: second.id });
    expect(preflight.excluded.opted_out).toBe(1);
    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: second.id })).funnel.sent, { timeout: 30_000 })
      .toBe(5);
    const toEva = (await simulator.sent(numbers[0]!.providerName)).filter((s) => s.to.includes(phone(500).slice(3)));
    expect(toEva.map((s) => s.text)).toEqual([
      "Olá, Eva! Ofertas para você.",
      expect.stringContaining("não receberá mais"),
    ]);
  }, 90_000);

  it("pause stops sending, resume continues, cancel skips the rest", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await seedContacts(
      org.organizationId,
      Array.from({ length: 12 }, (_, i) => ({ phone: phone(600 + i), consent: "opted_in" as const })),
    );
    const campaign = await owner.campaigns.save(
      campaignInput([numbers[0]!.id], {
        name: "Pausa",
        limits: { perMinute: 600, perHour: 1000, perDay: 1000, minIntervalSeconds: 1.5, maxIntervalSeconds: 2 },
      }),
    );
    await owner.campaigns.launch({ campaignId: campaign.id });
    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    await owner.campaigns.control({ campaignId: campaign.id, action: "pause" });
    await new Promise((r) => setTimeout(r, 2_000));
    const pausedAt = (await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent;
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent).toBe(pausedAt);
    await owner.campaigns.control({ campaignId: campaign.id, action: "resume" });
    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent, { timeout: 20_000 })
      .toBeGreaterThan(pausedAt);
    await owner.campaigns.control({ campaignId: campaign.id, action: "cancel" });
    const report = await owner.campaigns.report({ campaignId: campaign.id });
    expect(report.campaign.status).toBe("cancelled");
    expect(report.funnel.queued).toBe(0);
  }, 60_000);

  it("pauses itself when every chosen number is down, with the reason", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    await seedContacts(org.organizationId, [{ phone: phone(700), consent: "opted_in" }]);
    await simulator.drop(numbers[0]!.providerName, 401);
    await expect
      .poll(async () => (await owner.instances.get({ instanceId: numbers[0]!.id })).state, { timeout: 15_000 })
      .toBe("close");
    const campaign = await owner.campaigns.save(campaignInput([numbers[0]!.id], { name: "Queda" }));
    await owner.campaigns.launch({ campaignId: campaign.id });
    await expect
      .poll(async () => (await owner.campaigns.report({ campaignId: campaign.id })).campaign, { timeout: 30_000 })
      .toMatchObject({ status: "paused", pauseReason: "Todos os números escolhidos estão desconectados." });
    expect((await recipientsOf(org.organizationId, campaign.id)).map((r) => r.status)).toEqual(["pending"]);
  }, 60_000);
});
