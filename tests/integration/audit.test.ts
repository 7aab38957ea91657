import { readdir, readFile } from "node:fs/promises";
import { defaultBusinessHours } from "~/shared/schemas/business-hours";
import path from "node:path";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import { withOrganization } from "~/server/db/tenant";
import { allowAuditMaintenance } from "~/server/domain/audit/allow-audit-maintenance";
import { recordError } from "~/server/domain/errors/record-error";
import {
  addMemberWithPassword,
  callerFor,
  makeOrganization,
  platformAdminInOrganization,
  platformAdminCaller,
  TEST_PASSWORD,
  uniqueEmail,
} from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";
import { defaultAiSettings } from "../support/ai-settings";
import { autoReplySettings } from "../support/auto-reply-settings";
import { seedBusyOrganization } from "../support/busy-organization";
import { alwaysOpen, campaignInput, seedContacts } from "../support/campaign-fixtures";
import { previewContactImport } from "~/server/domain/contacts/preview-contact-import";
import { textUpsert } from "../support/evolution-payloads";
import { deliver } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";

type Caller = ReturnType<typeof callerFor>;
interface Context {
  org: Awaited<ReturnType<typeof makeOrganization>>;
  owner: Caller;
}

/** Someone holding a link, not signed in. */
const visitor = createCaller({ identity: null, requestId: "test" });
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

const auditCount = (organizationId: string) => withOrganization(organizationId, (tx) => tx.auditLog.count());

const actionCount = (organizationId: string, action: string) =>
  withOrganization(organizationId, (tx) => tx.auditLog.count({ where: { action } }));

/** The OpenAI-compatible test server, for the mutations that need the provider's answer. */
const AI_KEY = "sk-test-audit-0123456789";
let model: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
beforeAll(async () => {
  model = await startOpenAiCompatibleServer({
    apiKey: AI_KEY,
    answer: (text, schema) => (schema === "draft_rewrite" ? { text: `Olá! ${text}` } : { suggestions: [text] }),
  });
});
afterAll(async () => {
  await model?.close();
});

/**
 * Mutations whose own action must appear (not only some row): their drives write other audited things first,
 * which would hide a missing row from the count alone.
 */
const expectedActions: Record<string, string> = {
  "aiReplies.suggest": "ai_suggestion.offered",
  "aiReplies.rewrite": "ai_suggestion.rewritten",
};

/** A provider's settings (saving does not call it). */
const aiProvider = { baseUrl: "https://ai.example.com/v1", apiKey: "sk-test", model: "m", timeoutMs: 5000 };

const instanceDownRule = {
  kind: "instance_down" as const,
  enabled: true,
  threshold: 10,
  windowMinutes: 15,
  cooldownMinutes: 60,
  notifyEmail: false,
  notifyWebhook: false,
};

/** A campaign that, launched, waits for tomorrow: it can be controlled without sending. */
const startingTomorrow = (instanceId: string, name: string) =>
  campaignInput([instanceId], {
    name,
    schedule: { ...alwaysOpen(), startAt: new Date(Date.now() + 36 * 3_600_000).toISOString() },
  });

type Busy = Awaited<ReturnType<typeof seedBusyOrganization>>;
type Org = Busy["org"];

const importMapping = { phone: 0, name: 1, tags: null, consent: null, fields: {} };

/** A CSV uploaded through the upload route's domain call; answers the import's id. */
async function uploadedImport(org: Org): Promise<string> {
  const preview = await previewContactImport(
    { userId: org.ownerId, organizationId: org.organizationId, role: "owner" },
    { bytes: Buffer.from("telefone,nome\n+5511976541111,Rita\n", "utf8"), fileName: "contatos.csv" },
  );
  return preview.importId;
}

const incident = {
  description: "Planilha enviada por engano.",
  detectedAt: "2026-12-02T10:00:00-03:00",
  dataCategories: ["contact" as const],
  affectedCount: 3,
  measures: "Arquivo apagado pelo destinatário.",
};

const auditedReport = {
  name: "Volume",
  metrics: ["inbound" as const],
  dimension: "day" as const,
  periodDays: 7 as const,
  filters: { instanceIds: [], memberIds: [] },
  schedule: {
    frequency: "none" as const,
    time: "08:00",
    weekday: 1,
    monthDay: 1,
    recipients: [],
    format: "xlsx" as const,
  },
};

const promptBody = "Resuma a conversa em três linhas curtas, no idioma {{locale}}.";

/** The platform admin (PLATFORM_ADMIN_EMAILS), made an admin of `org` too: platform-only mutations audit in the actor's organization. */
async function platformAdminIn(org: Org): Promise<Caller> {
  const { userId } = await (await platformAdminCaller()).system.me();
  await withOrganization(org.organizationId, (tx) =>
    tx.membership.create({ data: { organizationId: org.organizationId, userId, role: "admin" } }),
  );
  return callerFor(userId, org.organizationId);
}

/** Every mutation this test drives with a valid input; each must leave at least one audit row. */
const driven: Record<string, (c: Context) => Promise<unknown>> = {
  "performance.requestProfile": async ({ org }) =>
    (await platformAdminIn(org)).performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 3 }),
  "account.changePassword": ({ owner }) =>
    owner.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "another-long-password" }),
  "account.startTwoFactor": ({ owner }) => owner.account.startTwoFactor(),
  "account.confirmTwoFactor": async ({ owner }) => {
    const { secret } = await owner.account.startTwoFactor();
    return owner.account.confirmTwoFactor({ code: await generate({ secret }) });
  },
  "account.setTwoFactorRequirement": ({ owner }) => owner.account.setTwoFactorRequirement({ required: false }),
  "account.revokeSession": ({ owner }) => owner.account.revokeSession({ sessionId: crypto.randomUUID() }),
  "account.revokeOtherSessions": ({ owner }) => owner.account.revokeOtherSessions(),
  "account.disableTwoFactor": async ({ owner }) => {
    const { secret } = await owner.account.startTwoFactor();
    const { recoveryCodes } = await owner.account.confirmTwoFactor({ code: await generate({ secret }) });
    return owner.account.disableTwoFactor({ code: recoveryCodes[0]! });
  },
  "account.regenerateRecoveryCodes": async ({ owner }) => {
    const { secret } = await owner.account.startTwoFactor();
    const { recoveryCodes } = await owner.account.confirmTwoFactor({ code: await generate({ secret }) });
    return owner.account.regenerateRecoveryCodes({ code: recoveryCodes[0]! });
  },
  "members.invite": ({ owner }) => owner.members.invite({ email: uniqueEmail(), role: "agent" }),
  "members.resendInvitation": async ({ owner }) => {
    const { invitation } = await owner.members.invite({ email: uniqueEmail(), role: "agent" });
    return owner.members.resendInvitation({ invitationId: invitation.invitationId });
  },
  "members.revokeInvitation": async ({ owner }) => {
    const { invitation } = await owner.members.invite({ email: uniqueEmail(), role: "agent" });
    return owner.members.revokeInvitation({ invitationId: invitation.invitationId });
  },
  "members.issuePasswordReset": async ({ owner, org }) => {
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    return owner.members.issuePasswordReset({ membershipId: agent.membershipId });
  },
  "access.acceptInvitation": async ({ owner }) => {
    const { link } = await owner.members.invite({ email: uniqueEmail(), role: "agent" });
    return visitor.access.acceptInvitation({ token: tokenOf(link), name: "Lia Costa", password: "lia-long-password" });
  },
  "access.acceptInvitationSignedIn": async ({ owner }) => {
    const elsewhere = await makeOrganization();
    const { link } = await owner.members.invite({ email: elsewhere.ownerEmail, role: "agent" });
    return callerFor(elsewhere.ownerId, elsewhere.organizationId).access.acceptInvitationSignedIn({
      token: tokenOf(link),
    });
  },
  // SMTP_URL is set in the test environment; the mail itself may fail to leave (no server listening).
  "access.requestPasswordReset": ({ org }) => visitor.access.requestPasswordReset({ email: org.ownerEmail }),
  "access.resetPassword": async ({ owner, org }) => {
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const { link } = await owner.members.issuePasswordReset({ membershipId: agent.membershipId });
    return visitor.access.resetPassword({ token: tokenOf(link), newPassword: "reset-long-password" });
  },
  "members.changeRole": async ({ owner, org }) => {
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    return owner.members.changeRole({ membershipId: agent.membershipId, role: "admin" });
  },
  "members.remove": async ({ owner, org }) => {
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    return owner.members.remove({ membershipId: agent.membershipId });
  },
  "members.confirmHold": async ({ owner, org }) => {
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const hold = await withOrganization(org.organizationId, (tx) =>
      tx.memberHold.create({
        data: {
          organizationId: org.organizationId,
          userId: agent.userId,
          kind: "export",
          observed: 21,
          threshold: 20,
          windowMinutes: 10,
        },
      }),
    );
    return owner.members.confirmHold({ holdId: hold.id });
  },
  "organization.update": ({ owner }) => owner.organization.update({ name: "Loja Azul", timezone: "America/Recife" }),
  "organization.updateBusinessHours": ({ owner }) =>
    owner.organization.updateBusinessHours({ ...defaultBusinessHours, closedDays: ["2026-12-24"] }),
  "tags.create": ({ owner }) => owner.tags.create({ name: `vip-${crypto.randomUUID().slice(0, 4)}`, color: "blue" }),
  "quickReplies.create": ({ owner }) => owner.quickReplies.create({ shortcut: "oi", body: "Olá!" }),
  "quickReplies.update": async ({ owner }) => {
    const created = await owner.quickReplies.create({ shortcut: "tchau", body: "Até logo" });
    return owner.quickReplies.update({ id: created.id, shortcut: "tchau", body: "Até mais" });
  },
  "alerts.saveRule": ({ owner }) => owner.alerts.saveRule(instanceDownRule),
  "alerts.saveChannels": ({ owner }) =>
    owner.alerts.saveChannels({ emailRecipients: ["ops@example.com"], webhookUrl: null }),
  "flags.set": ({ owner }) => owner.flags.set({ key: "analytics.dashboard", enabled: false }),
  "errors.setStatus": async ({ org, owner }) => {
    const recorded = await recordError({
      source: "worker",
      error: new Error("audit me"),
      organizationId: org.organizationId,
    });
    return owner.errors.setStatus({ groupId: recorded!.groupId, status: "resolved" });
  },
  "aiReplies.saveKnowledge": ({ owner }) => owner.aiReplies.saveKnowledge({ kind: "text", content: "Abrimos às 9h." }),
  "aiReplies.deleteKnowledge": async ({ owner }) => {
    const entry = await owner.aiReplies.saveKnowledge({ kind: "qa", question: "Horário?", content: "Das 9h às 18h." });
    return owner.aiReplies.deleteKnowledge({ id: entry.id });
  },
  "legal.saveEncarregado": ({ owner }) => owner.legal.saveEncarregado({ name: "Dora Lima", email: "dpo@example.com" }),
  "legal.documents.saveDraft": ({ owner }) => owner.legal.documents.saveDraft({ kind: "terms" }),
  "legal.documents.publish": async ({ owner }) => {
    await owner.legal.saveEncarregado({ name: "Dora Lima", email: "dpo@example.com" });
    const draft = await owner.legal.documents.saveDraft({ kind: "privacy_policy" });
    return owner.legal.documents.publish({ documentId: draft.id });
  },
  "legal.acceptTerms": async ({ owner }) => {
    await owner.legal.saveEncarregado({ name: "Dora Lima", email: "dpo@example.com" });
    const terms = await owner.legal.documents.publish({
      documentId: (await owner.legal.documents.saveDraft({ kind: "terms" })).id,
    });
    return owner.legal.acceptTerms({ documentId: terms.id });
  },
  "legal.incidents.register": ({ owner }) => owner.legal.incidents.register(incident),
  "legal.incidents.recordNotice": async ({ owner }) => {
    const registered = await owner.legal.incidents.register(incident);
    return owner.legal.incidents.recordNotice({ incidentId: registered.id, audience: "anpd" });
  },
  "legal.optInForms.save": async ({ owner }) => {
    const instance = await owner.instances.create({ name: "Opt-in", purpose: "campanhas", dailySendLimit: 100 });
    return owner.legal.optInForms.save({
      instanceId: instance.id,
      wording: "Aceito receber novidades pelo WhatsApp; posso sair com SAIR.",
      active: true,
    });
  },
  "reports.save": ({ owner }) => owner.reports.save(auditedReport),
  "reports.delete": async ({ owner }) => {
    const report = await owner.reports.save(auditedReport);
    return owner.reports.delete({ id: report.id });
  },
  "aiPrompts.saveDraft": ({ owner }) => owner.aiPrompts.saveDraft({ feature: "summary", body: promptBody }),
  "aiPrompts.publish": async ({ owner }) =>
    owner.aiPrompts.publish({ id: (await owner.aiPrompts.saveDraft({ feature: "summary", body: promptBody })).id }),
  "aiPrompts.rollback": async ({ owner }) => {
    const [first] = (await owner.aiPrompts.versions({ feature: "summary" })).versions;
    await owner.aiPrompts.publish({
      id: (await owner.aiPrompts.saveDraft({ feature: "summary", body: promptBody })).id,
    });
    return owner.aiPrompts.rollback({ id: first!.id });
  },
  "aiPrompts.startAb": async ({ owner }) => {
    const [first] = (await owner.aiPrompts.versions({ feature: "summary" })).versions;
    const second = await owner.aiPrompts.saveDraft({ feature: "summary", body: promptBody });
    await owner.aiPrompts.publish({ id: second.id });
    return owner.aiPrompts.startAb({ versionAId: first!.id, versionBId: second.id, shareB: 30 });
  },
  "aiPrompts.evaluate": async ({ owner, org }) => {
    // One reviewed message makes the evaluation set.
    const instance = await owner.instances.create({ name: "Eval", purpose: "atendimento", dailySendLimit: 50 });
    const { providerName } = await withOrganization(org.organizationId, (tx) =>
      tx.instance.findUniqueOrThrow({ where: { id: instance.id }, select: { providerName: true } }),
    );
    await deliver(
      org.organizationId,
      instance.id,
      textUpsert(providerName, { remoteJid: "5511987500001@s.whatsapp.net" }, "Qual o preço?"),
    );
    await withOrganization(org.organizationId, async (tx) => {
      const message = await tx.message.findFirstOrThrow({ where: { body: "Qual o preço?" } });
      await tx.messageInsight.upsert({
        where: { messageId: message.id },
        create: {
          messageId: message.id,
          organizationId: org.organizationId,
          sentiment: "neutral",
          sentimentScore: 0,
          label: "purchase",
          confidence: 0.9,
          language: "pt",
          engine: "local",
          model: "nlpjs",
          engineVersion: "test",
          review: "confirmed",
          reviewedSentiment: "neutral",
          reviewedLabel: "purchase",
          reviewedAt: new Date(),
        },
        update: {
          review: "confirmed",
          reviewedSentiment: "neutral",
          reviewedLabel: "purchase",
          reviewedAt: new Date(),
        },
      });
    });
    return owner.aiPrompts.evaluate({ promptVersionId: null });
  },
  "quickReplies.delete": async ({ owner }) => {
    const created = await owner.quickReplies.create({ shortcut: "bye", body: "Bye" });
    return owner.quickReplies.delete({ id: created.id });
  },
};

/**
 * Mutations driven against one busy organization (a connected number, a conversation, contacts, a campaign,
 * a tag, a dead delivery…), each with a valid input that changes something; each must add an audit row.
 */
const drivenOnBusy: Record<string, (b: Busy) => Promise<unknown>> = {
  "contacts.create": ({ owner }) => owner.contacts.create({ phone: "+5511976540001", name: "Nova Cliente" }),
  "contacts.update": ({ owner, ids }) => owner.contacts.update({ contactId: ids.contactId, name: "Heloísa R." }),
  "contacts.setBlocked": ({ owner, ids }) =>
    owner.contacts.setBlocked({ contactId: ids.contactId, blocked: true, reason: "pediu para não ser contatada" }),
  "contacts.recordConsent": ({ owner, ids }) =>
    owner.contacts.recordConsent({ contactId: ids.contactId, status: "opted_out" }),
  "contacts.fields.create": ({ owner }) =>
    owner.contacts.fields.create({ key: "bairro", label: "Bairro", type: "text" }),
  "contacts.fields.delete": ({ owner, ids }) => owner.contacts.fields.delete({ id: ids.fieldId }),
  "contacts.imports.validate": async ({ owner, org }) =>
    owner.contacts.imports.validate({ importId: await uploadedImport(org), mapping: importMapping }),
  "contacts.imports.start": async ({ owner, org }) => {
    const importId = await uploadedImport(org);
    await owner.contacts.imports.validate({ importId, mapping: importMapping });
    return owner.contacts.imports.start({
      importId,
      mapping: importMapping,
      legalBasis: "consent",
      evidence: "Planilha",
    });
  },
  "conversations.reply": ({ owner, ids }) =>
    owner.conversations.reply({
      conversationId: ids.conversationId,
      clientMessageId: crypto.randomUUID(),
      body: "Oi!",
    }),
  "conversations.addNote": ({ owner, ids }) =>
    owner.conversations.addNote({
      conversationId: ids.conversationId,
      clientMessageId: crypto.randomUUID(),
      body: "Ligar amanhã",
    }),
  "conversations.retryMessage": async ({ owner, org, ids }) => {
    const sent = await owner.conversations.reply({
      conversationId: ids.conversationId,
      clientMessageId: crypto.randomUUID(),
      body: "Vai falhar",
    });
    // Once the worker has dealt with the send, it is made to have failed (the worker no longer touches it).
    const status = () =>
      withOrganization(
        org.organizationId,
        async (tx) => (await tx.message.findUniqueOrThrow({ where: { id: sent.id } })).status,
      );
    await expect.poll(status, { timeout: 20_000, interval: 100 }).not.toMatch(/^(pending|sending)$/);
    await withOrganization(org.organizationId, (tx) =>
      tx.message.update({ where: { id: sent.id }, data: { status: "failed" } }),
    );
    return owner.conversations.retryMessage({ messageId: sent.id });
  },
  "conversations.retryMedia": async ({ owner, org, ids }) => {
    // The inbound message as if its attachment's download had failed.
    await withOrganization(org.organizationId, (tx) =>
      tx.message.update({
        where: { id: ids.messageId },
        data: { mediaStatus: "failed", mediaFailure: "download_failed" },
      }),
    );
    return owner.conversations.retryMedia({ messageId: ids.messageId });
  },
  "conversations.setStatus": ({ owner, ids }) =>
    owner.conversations.setStatus({ conversationId: ids.conversationId, status: "closed" }),
  "conversations.assign": ({ owner, ids }) =>
    owner.conversations.assign({ conversationId: ids.conversationId, assigneeId: ids.assigneeId }),
  "conversations.markRead": async ({ owner, org, ids }) => {
    await withOrganization(org.organizationId, (tx) =>
      tx.conversation.update({ where: { id: ids.conversationId }, data: { unreadCount: 2 } }),
    );
    return owner.conversations.markRead({ conversationId: ids.conversationId });
  },
  "conversations.setTag": ({ owner, ids }) =>
    owner.conversations.setTag({ conversationId: ids.conversationId, tagId: ids.tagId, present: true }),
  "instances.create": ({ owner }) =>
    owner.instances.create({ name: "Vendas", purpose: "atendimento", dailySendLimit: 100 }),
  "instances.connect": async ({ owner }) => {
    const instance = await owner.instances.create({ name: "Pareando", purpose: "atendimento", dailySendLimit: 100 });
    return owner.instances.connect({ instanceId: instance.id });
  },
  "instances.action": ({ owner, ids }) => owner.instances.action({ instanceId: ids.instanceId, action: "restart" }),
  "webhooks.reprocess": ({ owner, ids }) => owner.webhooks.reprocess({ deliveryId: ids.deliveryId }),
  "campaigns.save": ({ owner, ids }) => owner.campaigns.save(campaignInput([ids.instanceId], { name: "Páscoa" })),
  "campaigns.launch": async ({ owner, ids }) => {
    const campaign = await owner.campaigns.save(startingTomorrow(ids.instanceId, "Amanhã"));
    return owner.campaigns.launch({ campaignId: campaign.id });
  },
  "campaigns.control": async ({ owner, ids }) => {
    const campaign = await owner.campaigns.save(startingTomorrow(ids.instanceId, "Cancelada"));
    await owner.campaigns.launch({ campaignId: campaign.id });
    return owner.campaigns.control({ campaignId: campaign.id, action: "cancel" });
  },
  "ai.setContactAiOptOut": ({ owner, ids }) =>
    owner.ai.setContactAiOptOut({ contactId: ids.contactId, aiOptOut: true }),
  "ai.saveProvider": ({ owner }) => owner.ai.saveProvider(aiProvider),
  "ai.removeProvider": async ({ owner }) => {
    await owner.ai.saveProvider(aiProvider);
    return owner.ai.removeProvider();
  },
  "ai.saveModelPrices": async ({ owner }) => {
    // Prices belong to the provider's settings: there must be one.
    await owner.ai.saveProvider(aiProvider);
    return owner.ai.saveModelPrices({ prices: { m: { input: 1, output: 2 } } });
  },
  "ai.saveSettings": ({ owner }) => owner.ai.saveSettings({ ...defaultAiSettings, logRetentionDays: 30 }),
  "privacy.requests.register": ({ owner, ids }) =>
    owner.privacy.requests.register({ contactId: ids.contactId, kind: "access" }),
  "privacy.requests.close": async ({ owner, ids }) => {
    const request = await owner.privacy.requests.register({ contactId: ids.contactId, kind: "confirmation" });
    return owner.privacy.requests.close({ requestId: request.id, outcome: "fulfilled" });
  },
  "privacy.eraseContact": async ({ owner, org }) => {
    const [contactId] = await seedContacts(org.organizationId, [{ phone: "+5511976540999", name: "Apagar" }]);
    return owner.privacy.eraseContact({ contactId: contactId! });
  },
  "privacy.retention.save": ({ owner }) =>
    owner.privacy.retention.save({ kind: "messages", keepDays: 365, enabled: false }),
  "alerts.markRead": async ({ owner, org }) => {
    const rule = await owner.alerts.saveRule(instanceDownRule);
    const notification = await withOrganization(org.organizationId, (tx) =>
      tx.alertNotification.create({
        data: {
          organizationId: org.organizationId,
          ruleId: (rule as { id: string }).id,
          kind: "instance_down",
          subject: "x",
          transition: "fired",
          occurredAt: new Date(),
        },
      }),
    );
    return owner.alerts.markRead({ ids: [notification.id] });
  },
  // Platform admins only: the run's platform admin joins the fresh organization, where the request is audited.
  "backups.run": async ({ org }) => (await platformAdminInOrganization(org.organizationId)).backups.run(),
  "aiReplies.saveAutoReplySettings": ({ owner, ids }) =>
    owner.aiReplies.saveAutoReplySettings(autoReplySettings(ids.instanceId)),
  "aiReplies.resumeBot": async ({ owner, ids }) => {
    // A member's reply pauses the bot in the conversation; resuming it is the change recorded.
    await owner.conversations.reply({
      conversationId: ids.conversationId,
      clientMessageId: crypto.randomUUID(),
      body: "Eu assumo",
    });
    return owner.aiReplies.resumeBot({ conversationId: ids.conversationId });
  },
  // Without a provider the local engine offers the suggestions; they are audited all the same.
  "aiReplies.suggest": async ({ owner, ids }) => {
    await owner.ai.removeProvider();
    return owner.aiReplies.suggest({ conversationId: ids.conversationId });
  },
  "aiReplies.rewrite": async ({ owner, ids }) => {
    await owner.ai.saveProvider({ baseUrl: model.baseUrl, apiKey: AI_KEY, model: "test-model", timeoutMs: 5000 });
    await owner.ai.saveSettings(defaultAiSettings);
    await owner.ai.setContactAiOptOut({ contactId: ids.contactId, aiOptOut: false });
    return owner.aiReplies.rewrite({
      conversationId: ids.conversationId,
      draft: "obrigado",
      rewrite: "friendly",
      targetLanguage: "pt",
    });
  },
};

/** Mutations that write nothing, so leave no audit row, and why. */
const writesNothing: Record<string, string> = {
  "system.realtimeCheck": "emits a test event through the worker; stores nothing",
  "ai.testProvider": "calls the configured AI provider to check it; stores nothing",
  "aiPrompts.playground":
    "runs a prompt version through the provider to show its answer; stores only the AI call log row",
};

/**
 * Mutations not yet driven here, and why. Each needs the AI provider answering (the OpenAI-compatible test
 * server) and, for drafts and reviews, an AI result or an automatic-reply draft to act on. The list may only
 * shrink: a new mutation must be driven.
 */
const notYetDrivenHere = new Set([
  "ai.review",
  "ai.summarizeConversation",
  "aiReplies.approveDraft",
  "aiReplies.discardDraft",
]);

/**
 * A route handler over HTTP as a signed-in owner of a fresh organization; answers the response. `prepare` makes
 * what the call needs before the audit rows are counted (its own rows must not count for the call).
 */
type RouteDrive = ((o: { org: Org; cookie: string; prepared?: string }) => Promise<Response>) & {
  prepare?: (org: Org) => Promise<string>;
};

/** Saves a report (audited) before counting, then exports it. */
const exportReport: RouteDrive = Object.assign(
  ({ cookie, prepared }: { cookie: string; prepared?: string }) =>
    fetch(`${baseUrl}/api/reports/${prepared}/export?format=csv`, { headers: { cookie } }),
  {
    prepare: async (org: Org) => (await callerFor(org.ownerId, org.organizationId).reports.save(auditedReport)).id,
  },
);

/**
 * Every route handler of the app (`<METHOD> <route>` from `route.ts` files under `src/app/api`): driven over HTTP
 * when it writes (it must leave an audit row), or the reason it needs none.
 */
const routeHandlers: Record<string, RouteDrive | string> = {
  "GET /api/audit/export": ({ cookie }) => fetch(`${baseUrl}/api/audit/export`, { headers: { cookie } }),
  "POST /api/auth/[...nextauth]": ({ org }) =>
    signInOverHttp(org.ownerEmail, TEST_PASSWORD).then(() => new Response(null, { status: 200 })),
  "GET /api/contacts/export": ({ cookie }) => fetch(`${baseUrl}/api/contacts/export`, { headers: { cookie } }),
  "POST /api/contacts/import": ({ cookie }) => {
    const form = new FormData();
    form.append("file", new Blob(["telefone,nome\n+5511976542222,Rita\n"]), "contatos.csv");
    return fetch(`${baseUrl}/api/contacts/import`, { method: "POST", headers: { cookie }, body: form });
  },
  "POST /api/media/upload": ({ cookie }) => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from("%PDF-1.4 teste")], { type: "application/pdf" }), "pedido.pdf");
    return fetch(`${baseUrl}/api/media/upload`, { method: "POST", headers: { cookie }, body: form });
  },
  "GET /api/privacy/contacts/[contactId]/export": async ({ org, cookie }) => {
    const [contactId] = await seedContacts(org.organizationId, [{ phone: "+5511976543333", name: "Titular" }]);
    return fetch(`${baseUrl}/api/privacy/contacts/${contactId}/export`, { headers: { cookie } });
  },
  "GET /api/reports/[reportId]/export": exportReport,
  "GET /api/legal/processing-record": "reads the record of processing, generated from the configuration",
  "GET /api/backups/[backupId]/[file]":
    "a backup file's download, platform admins only: backups-ui.test.ts drives it and checks its backup.downloaded row",
  "POST /api/errors":
    "a browser's error report: kept as an error group and occurrence (its own record), not a member's change",
  "POST /api/optin/[token]":
    "a person's consent request on the public form, not a member's act: it writes an opt-in request and the audit row consent.opt_in_requested; its signed token and minimum fill time keep it out of this driver (opt-in.test.ts drives it)",
  "GET /api/auth/[...nextauth]": "next-auth's reads (CSRF token, session, providers); sign-in and sign-out are POSTs",
  "POST /api/bench/raw-intake/[organizationId]/[instanceId]":
    "benchmark baseline, 404 unless MIRAGE_BENCH_ROUTES is set",
  "GET /api/campaigns/[campaignId]/report": "reads a campaign's report",
  "GET /api/contacts/imports/[importId]/report": "reads an import's report",
  "GET /api/health": "liveness",
  "GET /api/profiles/[profileId]":
    "a recorded profile's download, platform admins only: audited as profile.downloaded (profiling.test.ts drives it)",
  "GET /api/health/ready": "readiness checks, reads only",
  "GET /api/metrics": "Prometheus metrics, reads only",
  "GET /api/media/[messageId]": "reads a stored attachment",
  "GET /api/trpc/[trpc]": "tRPC queries; the mutations it serves are enumerated above",
  "POST /api/trpc/[trpc]": "tRPC mutations, each enumerated and driven above",
  "POST /api/webhooks/evolution/[organizationId]/[instanceId]":
    "Evolution's deliveries, not a member's act: each is kept as a raw webhook delivery (its own record, under retention)",
};

/** `<METHOD> /api/...` of every route handler file, read from the files' exports. */
async function routeHandlerKeys(): Promise<string[]> {
  const root = path.resolve("src/app/api");
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith("route.ts"));
  const keys: string[] = [];
  for (const file of files) {
    const source = await readFile(path.join(root, file), "utf8");
    const route = `/api/${path.dirname(file).split(path.sep).join("/")}`;
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g))
      methods.add(m[1]!);
    for (const m of source.matchAll(/export \{([^}]*)\}/g))
      for (const name of m[1]!.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(name[1]!);
    for (const method of methods) keys.push(`${method} ${route}`);
  }
  return keys.sort();
}

const isMutation = (procedure: unknown) =>
  (procedure as { _def?: { type?: unknown } } | null)?._def?.type === "mutation";

/** Every mutation of the app, read from the router definition itself ("members.add", …). */
function mutationPaths(): string[] {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.entries(procedures)
    .filter(([, procedure]) => isMutation(procedure))
    .map(([path]) => path)
    .sort();
}

describe("audit log", () => {
  it("every tRPC mutation is driven here and leaves an audit row, or is listed with a reason", async () => {
    const mutations = mutationPaths();
    expect(mutations.length).toBeGreaterThan(30);
    const isDriven = (p: string) => p in driven || p in drivenOnBusy;
    const unaccounted = mutations.filter((p) => !isDriven(p) && !(p in writesNothing) && !notYetDrivenHere.has(p));
    expect(unaccounted).toEqual([]);
    // The lists name real mutations only (a renamed one must not hide behind a stale entry).
    const known = new Set(mutations);
    expect(
      [...Object.keys(driven), ...Object.keys(drivenOnBusy), ...Object.keys(writesNothing), ...notYetDrivenHere].filter(
        (p) => !known.has(p),
      ),
    ).toEqual([]);

    expect(Object.keys(expectedActions).filter((p) => !isDriven(p))).toEqual([]);

    const silent: string[] = [];
    for (const [path, drive] of Object.entries(driven)) {
      const org = await makeOrganization();
      const context = { org, owner: callerFor(org.ownerId, org.organizationId) };
      const before = await auditCount(org.organizationId);
      const expected = expectedActions[path];
      const expectedBefore = expected ? await actionCount(org.organizationId, expected) : 0;
      await drive(context);
      if ((await auditCount(org.organizationId)) <= before) silent.push(path);
      else if (expected && (await actionCount(org.organizationId, expected)) <= expectedBefore)
        silent.push(`${path} without ${expected}`);
    }
    const busy = await seedBusyOrganization();
    for (const [path, drive] of Object.entries(drivenOnBusy)) {
      const before = await auditCount(busy.org.organizationId);
      const expected = expectedActions[path];
      const expectedBefore = expected ? await actionCount(busy.org.organizationId, expected) : 0;
      const failed = await drive(busy).then(
        () => null,
        (error: unknown) => String((error as Error).message),
      );
      if (failed) silent.push(`${path} failed: ${failed}`);
      else if ((await auditCount(busy.org.organizationId)) <= before) silent.push(path);
      else if (expected && (await actionCount(busy.org.organizationId, expected)) <= expectedBefore)
        silent.push(`${path} without ${expected}`);
    }
    expect(silent).toEqual([]);
  }, 180_000);

  it("every route handler that writes is driven over HTTP and leaves an audit row; the others say why not", async () => {
    const keys = await routeHandlerKeys();
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((k) => !(k in routeHandlers))).toEqual([]);
    expect(Object.keys(routeHandlers).filter((k) => !keys.includes(k))).toEqual([]);
    const silent: string[] = [];
    for (const [key, drive] of Object.entries(routeHandlers)) {
      if (typeof drive === "string") continue;
      const org = await makeOrganization();
      const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
      const prepared = drive.prepare ? await drive.prepare(org) : undefined;
      const before = await auditCount(org.organizationId);
      const response = await drive({ org, cookie, prepared });
      await response.arrayBuffer();
      if (!response.ok) silent.push(`${key} answered ${response.status}`);
      else if ((await auditCount(org.organizationId)) <= before) silent.push(key);
    }
    expect(silent).toEqual([]);
  });

  it("is append-only for the application: updates, deletes and truncation are refused", async () => {
    const org = await makeOrganization();
    const refused = (work: Parameters<typeof withOrganization>[1]) =>
      expect(withOrganization(org.organizationId, work)).rejects.toThrow(/append-only/);
    await refused((tx) => tx.auditLog.updateMany({ data: { action: "forged" } }));
    await refused((tx) => tx.auditLog.deleteMany({}));
    await refused((tx) => tx.$executeRawUnsafe("TRUNCATE audit_logs"));
    expect(await auditCount(org.organizationId)).toBeGreaterThan(0);

    // Erasure may rewrite metadata only, and only when it declares itself.
    await refused(async (tx) => {
      await allowAuditMaintenance(tx, "pseudonymise");
      await tx.auditLog.updateMany({ data: { action: "forged" } });
    });
    await withOrganization(org.organizationId, async (tx) => {
      await allowAuditMaintenance(tx, "pseudonymise");
      await tx.auditLog.updateMany({ data: { metadata: { pseudonymised: true } } });
    });
    await refused((tx) => tx.auditLog.updateMany({ data: { metadata: {} } }));
  });

  it("admins page through it filtered by actor, action, entity and period; others may not", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const adminCaller = callerFor(admin.userId, org.organizationId);
    const started = new Date();
    for (const shortcut of ["a1", "a2", "a3"]) await adminCaller.quickReplies.create({ shortcut, body: "x" });
    await owner.tags.create({ name: "vip", color: "blue" });

    const byAdmin = await owner.audit.list({ filter: { actorUserId: admin.userId } });
    expect(byAdmin.entries.map((e) => e.action)).toEqual([
      "quick_reply.created",
      "quick_reply.created",
      "quick_reply.created",
    ]);
    expect(byAdmin.entries[0]!.actor).toMatchObject({ userId: admin.userId, email: admin.email });

    const firstPage = await owner.audit.list({ filter: { action: "quick_reply.created" }, limit: 2 });
    expect(firstPage.entries).toHaveLength(2);
    const secondPage = await owner.audit.list({
      filter: { action: "quick_reply.created" },
      limit: 2,
      cursor: firstPage.nextCursor!,
    });
    expect(secondPage.entries).toHaveLength(1);
    expect(secondPage.nextCursor).toBeNull();
    const shortcuts = [...firstPage.entries, ...secondPage.entries].map(
      (e) => (e.metadata as { shortcut: string }).shortcut,
    );
    expect(shortcuts).toEqual(["a3", "a2", "a1"]);

    expect((await owner.audit.list({ filter: { targetType: "tag" } })).entries.map((e) => e.action)).toEqual([
      "tag.created",
    ]);
    expect((await owner.audit.list({ filter: { to: started } })).entries.map((e) => e.action)).toContain(
      "organization.created",
    );
    expect((await owner.audit.list({ filter: { from: started } })).entries.map((e) => e.action)).not.toContain(
      "organization.created",
    );

    await expect(callerFor(agent.userId, org.organizationId).audit.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await makeOrganization();
    expect(
      (await callerFor(other.ownerId, other.organizationId).audit.list({ filter: { actorUserId: admin.userId } }))
        .entries,
    ).toEqual([]);
  });

  it("exports the filtered log as CSV in the organization's language, audited; agents are refused", async () => {
    const org = await makeOrganization();
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    await callerFor(org.ownerId, org.organizationId).quickReplies.create({ shortcut: "ola", body: "Olá" });
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const response = await fetch(`${baseUrl}/api/audit/export?action=quick_reply.created`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/auditoria-\d{4}-\d{2}-\d{2}\.csv/);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Quando;Quem;E-mail;Ação;Entidade;Id da entidade;Detalhes");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";quick_reply.created;quick_reply;");
    expect(lines[1]).toContain(org.ownerEmail);

    const agentCookie = await signInOverHttp(agent.email, TEST_PASSWORD);
    expect((await fetch(`${baseUrl}/api/audit/export`, { headers: { cookie: agentCookie } })).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/audit/export?from=not-a-date`, { headers: { cookie } })).status).toBe(422);
    const exported = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "audit.exported" } }),
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]!.metadata).toMatchObject({ rows: 1, filter: { action: "quick_reply.created" } });
  });
});
