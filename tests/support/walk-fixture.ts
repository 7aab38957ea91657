import { withOrganization } from "../../src/server/db/tenant";
import { recordError } from "../../src/server/domain/errors/record-error";
import { alwaysOpen, campaignInput, seedContacts } from "./campaign-fixtures";
import { connectedInboxFixture, deliver } from "./inbox-pipeline";
import { lastWeekInbound } from "./reporting-fixtures";
import { simulator } from "./simulator-control";

/** What the seeded people wrote and are called: their words are data, in whatever language they chose. */
export const walkUserData = [
  "Atendimento",
  "Loja Norte",
  "Ana Lima",
  "Bruno Dias",
  "Quitéria",
  "Zé Saiu",
  "ليلى 🌙",
  "Oi, quero saber do meu pedido",
  "Meu pedido veio errado, que absurdo!",
  "Foto do produto",
  "Black Friday",
  "Olá, {{primeiro_nome|cliente}}! Ofertas para você.",
  "Ofertas para você.",
  "Queima de estoque",
  "Dia das Mães",
  "Natal",
  "Clientes VIP",
  "Cidade",
  "Obrigado pelo contato! Retornamos em breve.",
  // A recorded error: code's own words, as thrown.
  "TypeError",
  "Cannot read properties of undefined (reading <value>)",
];

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`walk fixture: ${what} did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * An organization as a team uses it after some weeks: a connected and a logged-out number with timeline
 * events, conversations with text, media and a failed video (with AI insights), contacts opted in, opted
 * out, foreign and nameless, campaigns draft, scheduled, running or done, paused with a reason and
 * cancelled (with skipped recipients), a dead webhook delivery, a custom field, a quick reply and metrics.
 */
export async function seedWalkOrganization() {
  const fixture = await connectedInboxFixture("5511900004444");
  const { org, owner, instanceId, providerName } = fixture;

  const second = await owner.instances.create({ name: "Loja Norte", purpose: "atendimento", dailySendLimit: 300 });
  const secondName = await withOrganization(
    org.organizationId,
    async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: second.id } })).providerName,
  );
  await owner.instances.connect({ instanceId: second.id });
  await simulator.scan(secondName, { phoneNumber: "5521998760000" });
  await until(async () => (await owner.instances.get({ instanceId: second.id })).state === "open", "second open");
  // A logout Evolution reports (401): terminal, so the watchdog leaves it closed. A silent drop would be
  // seen only by the watchdog, which reconnects at once, and the wait below could miss the close.
  await simulator.drop(secondName, 401);
  await until(async () => {
    const instance = await owner.instances.get({ instanceId: second.id });
    return instance.state === "close" && instance.timeline.some((event) => event.kind === "logout");
  }, "logged out");

  await simulator.inbound(providerName, {
    type: "text",
    from: "5511987650401",
    pushName: "Ana Lima",
    text: "Oi, quero saber do meu pedido",
  });
  await simulator.inbound(providerName, {
    type: "text",
    from: "5511987650402",
    pushName: "Bruno Dias",
    text: "Meu pedido veio errado, que absurdo!",
  });
  await simulator.inbound(providerName, {
    type: "image",
    from: "5511987650401",
    pushName: "Ana Lima",
    caption: "Foto do produto",
  });
  await simulator.failMedia(providerName, 2);
  await simulator.inbound(providerName, { type: "video", from: "5511987650403", pushName: "Quitéria" });
  await simulator.inbound(providerName, { type: "text", from: "201012345678", pushName: "", text: "Hello" });
  await simulator.inbound(providerName, { type: "text", from: "5511987650404", pushName: "ليلى 🌙", text: "👋" });
  // A body Evolution would never send: set aside for an admin (Settings → failed events).
  await deliver(org.organizationId, instanceId, "not an Evolution event");

  await owner.contacts.fields.create({ key: "cidade", label: "Cidade", type: "text" });
  await owner.quickReplies.create({ shortcut: "obrigado", body: "Obrigado pelo contato! Retornamos em breve." });
  const phone = (n: number) => `+55119${String(72000000 + n)}`;
  await seedContacts(org.organizationId, [
    ...Array.from({ length: 6 }, (_, i) => ({
      phone: phone(i),
      name: `Cliente ${i + 1}`,
      consent: "opted_in" as const,
    })),
    { phone: phone(50), name: "Zé Saiu", consent: "opted_out" as const },
    { phone: "+5511933334444" },
    { phone: "+351912345678", consent: "opted_in" as const },
  ]);

  const instanceIds = [instanceId];
  const draft = await owner.campaigns.save(campaignInput(instanceIds, { name: "Clientes VIP" }));
  const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString();
  const scheduled = await owner.campaigns.save(
    campaignInput(instanceIds, { name: "Natal", schedule: { ...alwaysOpen(), startAt: tomorrow } }),
  );
  await owner.campaigns.launch({ campaignId: scheduled.id });
  const done = await owner.campaigns.save(campaignInput(instanceIds));
  await owner.campaigns.launch({ campaignId: done.id });
  const paused = await owner.campaigns.save(
    campaignInput(instanceIds, { name: "Queima de estoque", schedule: { ...alwaysOpen(), startAt: tomorrow } }),
  );
  await owner.campaigns.launch({ campaignId: paused.id });
  const cancelled = await owner.campaigns.save(
    campaignInput(instanceIds, { name: "Dia das Mães", schedule: { ...alwaysOpen(), startAt: tomorrow } }),
  );
  await owner.campaigns.launch({ campaignId: cancelled.id });
  await owner.campaigns.control({ campaignId: cancelled.id, action: "cancel" });
  // A campaign the health check paused, one recipient skipped when its window closed.
  await withOrganization(org.organizationId, async (tx) => {
    await tx.campaign.update({
      where: { id: paused.id },
      data: { status: "paused", pauseReason: "opt_out_rate", pauseParams: { percent: 7 } },
    });
    const recipient = await tx.campaignRecipient.findFirstOrThrow({ where: { campaignId: paused.id } });
    await tx.campaignRecipient.update({
      where: { id: recipient.id },
      data: { status: "skipped", reason: "window_closed" },
    });
  });

  await lastWeekInbound(org.organizationId, instanceId, 2);
  await until(
    () => withOrganization(org.organizationId, async (tx) => (await tx.conversation.count()) >= 5),
    "inbound conversations",
  );

  // The public pages: an opt-in form and a published privacy policy (no terms: they would stop the walk).
  const optInWording = "Quero receber novidades da Loja pelo WhatsApp e sei que posso sair respondendo SAIR.";
  const optIn = await owner.legal.optInForms.save({ instanceId, wording: optInWording, active: true });
  await owner.legal.saveEncarregado({ name: "Dora Encarregada", email: "dpo@loja.example" });
  const policy = await owner.legal.documents.publish({
    documentId: (await owner.legal.documents.saveDraft({ kind: "privacy_policy" })).id,
  });

  await recordError({
    source: "worker",
    error: new TypeError("Cannot read properties of undefined (reading 'itens')"),
    organizationId: org.organizationId,
    context: { queue: "messages.send" },
  });

  return {
    org,
    optInToken: optIn.token,
    optInWording,
    /** Organization content (pt-BR), not UI words: the walk reads around it. */
    policyBody: policy.body,
    instances: { connected: instanceId, loggedOut: second.id },
    campaigns: { draft: draft.id, scheduled: scheduled.id, done: done.id, paused: paused.id, cancelled: cancelled.id },
  };
}
