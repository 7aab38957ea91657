import { campaignInput, seedContacts } from "./campaign-fixtures";
import { addMemberWithPassword } from "./factory";
import { connectedInboxFixture, deliver } from "./inbox-pipeline";
import { simulator } from "./simulator-control";

/** An organization as a team has it: a connected number with a conversation, contacts, a campaign, a tag… */
export async function seedBusyOrganization() {
  const { org, owner, instanceId, providerName } = await connectedInboxFixture(`55119${Date.now() % 100_000_000}`);
  await simulator.inbound(providerName, {
    type: "text",
    from: "5511987651234",
    pushName: "Matilde Sigilo",
    text: "Olá",
  });
  const conversation = await waitFor(async () => (await owner.conversations.list({})).items?.[0]);
  const messages = await owner.conversations.messages({ conversationId: conversation.id });
  const [contactId] = await seedContacts(org.organizationId, [
    { phone: "+5511972345678", name: "Heloísa Reservada", consent: "opted_in" as const },
  ]);
  const tag = await owner.tags.create({ name: "segredo-a", color: "blue" });
  const quickReply = await owner.quickReplies.create({ shortcut: "segredo", body: "Resposta interna de A" });
  const field = await owner.contacts.fields.create({ key: "cofre", label: "Cofre", type: "text" });
  const campaign = await owner.campaigns.save(campaignInput([instanceId], { name: "Campanha Sigilosa" }));
  const dead = await deliver(org.organizationId, instanceId, "not an Evolution event");
  const admin = await addMemberWithPassword(org.organizationId, "admin");
  const agent = await addMemberWithPassword(org.organizationId, "agent");
  const spare = await addMemberWithPassword(org.organizationId, "agent");
  return {
    org,
    owner,
    providerName,
    members: { owner: org.ownerId, admin: admin.userId, agent: agent.userId },
    ids: {
      instanceId,
      conversationId: conversation.id,
      messageId: (messages as { items: { id: string }[] }).items[0]!.id,
      contactId: contactId!,
      tagId: tag.id,
      quickReplyId: quickReply.id,
      fieldId: field.id,
      campaignId: campaign.id,
      deliveryId: dead.deliveryId!,
      membershipId: spare.membershipId,
      assigneeId: agent.userId,
    },
    // Words only this organization holds: an answer to another organization that contains one leaks them.
    secrets: [
      "Matilde Sigilo",
      "Heloísa Reservada",
      "segredo-a",
      "Resposta interna de A",
      "Campanha Sigilosa",
      "Cofre",
    ],
  };
}

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("busy organization fixture: nothing arrived");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
