import { randomUUID } from "node:crypto";
import { defaultBusinessHours } from "~/shared/schemas/business-hours";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import type { MemberRole } from "~/server/domain/members/roles";
import { appProcedures } from "../support/app-procedures";
import { alwaysOpen, campaignInput } from "../support/campaign-fixtures";
import { callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { seedBusyOrganization } from "../support/busy-organization";
import { overTheWire, sampleOf } from "../support/zod-bad-inputs";

/**
 * Who may call each procedure: `public` anyone (a link's holder, the public pages), `signedIn` any signed-in person (their own organizations), `member` any
 * member of the organization (agents included), `admin` admins and owners, `platform` only the people who run the
 * installation (PLATFORM_ADMIN_EMAILS), never an organization role. A procedure missing here fails
 * the test, so a new one cannot ship without a declared policy.
 */
type Policy = "public" | "signedIn" | "member" | "admin" | "platform";
const P: Policy = "public";
const M: Policy = "member";
const A: Policy = "admin";
const policy: Record<string, Policy> = {
  "organization.current": M,
  "organization.mine": "signedIn",
  "organization.update": A,
  "organization.businessHours": M,
  "organization.updateBusinessHours": A,
  "account.me": M,
  "account.changePassword": M,
  "account.twoFactorStatus": M,
  "account.startTwoFactor": M,
  "account.confirmTwoFactor": M,
  "account.setTwoFactorRequirement": A,
  "account.sessions": M,
  "account.revokeSession": M,
  "account.revokeOtherSessions": M,
  "audit.list": A,
  "instances.list": M,
  "instances.get": M,
  "instances.create": A,
  "instances.connect": A,
  "instances.action": A,
  "members.list": M,
  "members.invite": A,
  "members.invitations": A,
  "members.resendInvitation": A,
  "members.revokeInvitation": A,
  "members.issuePasswordReset": A,
  "account.disableTwoFactor": M,
  "account.regenerateRecoveryCodes": M,
  "access.previewInvitation": P,
  "access.acceptInvitation": P,
  "access.acceptInvitationSignedIn": "signedIn",
  "access.resetByEmail": P,
  "access.requestPasswordReset": P,
  "access.resetPassword": P,
  "legal.publicPrivacyPolicy": P,
  "legal.publicOptInForm": P,
  "legal.termsStatus": M,
  "legal.acceptTerms": M,
  "legal.documents.list": A,
  "legal.documents.saveDraft": A,
  "legal.documents.publish": A,
  "legal.encarregado": A,
  "legal.saveEncarregado": A,
  "legal.processingRecord": A,
  "legal.incidents.list": A,
  "legal.incidents.register": A,
  "legal.incidents.recordNotice": A,
  "legal.incidents.notice": A,
  "legal.optInForms.list": A,
  "legal.optInForms.save": A,
  "errors.list": A,
  "errors.get": A,
  "errors.setStatus": A,
  "performance.slowQueries": "platform",
  "backups.list": "platform",
  "backups.run": "platform",
  "performance.profiles": "platform",
  "performance.requestProfile": "platform",
  "reports.list": M,
  "reports.open": M,
  "reports.save": A,
  "reports.delete": A,
  "ai.localEngineBenchmark": M,
  "aiPrompts.versions": A,
  "aiPrompts.saveDraft": A,
  "aiPrompts.publish": A,
  "aiPrompts.rollback": A,
  "aiPrompts.startAb": A,
  "aiPrompts.diff": A,
  "aiPrompts.playground": A,
  "aiPrompts.evaluate": A,
  "aiPrompts.comparison": A,
  "members.changeRole": A,
  "members.remove": A,
  "members.holds": A,
  "members.confirmHold": A,
  "system.me": M,
  "system.realtimeCheck": M,
  "conversations.list": M,
  "conversations.search": M,
  "conversations.get": M,
  "conversations.messages": M,
  "conversations.messageChanges": M,
  "conversations.reply": M,
  "conversations.addNote": M,
  "conversations.retryMessage": M,
  "conversations.retryMedia": M,
  "conversations.setStatus": M,
  "conversations.assign": M,
  "conversations.markRead": M,
  "conversations.setTag": M,
  "tags.list": M,
  "tags.create": M,
  "quickReplies.list": M,
  "quickReplies.create": A,
  "quickReplies.update": A,
  "quickReplies.delete": A,
  "webhooks.deadDeliveries": A,
  "webhooks.reprocess": A,
  "contacts.list": M,
  "contacts.count": M,
  "contacts.get": M,
  "contacts.create": M,
  "contacts.update": M,
  "contacts.setBlocked": M,
  "contacts.recordConsent": M,
  "contacts.fields.list": M,
  "contacts.fields.create": A,
  "contacts.fields.delete": A,
  "contacts.imports.list": A,
  "contacts.imports.get": A,
  "contacts.imports.validate": A,
  "contacts.imports.start": A,
  "campaigns.list": M,
  "campaigns.report": M,
  "campaigns.save": A,
  "campaigns.previewAudience": M,
  "campaigns.estimatePace": M,
  "campaigns.launchPlan": A,
  "campaigns.previewTemplate": M,
  "campaigns.launch": A,
  "campaigns.control": A,
  "ai.overview": M,
  "ai.labels": M,
  "ai.review": M,
  "ai.setContactAiOptOut": M,
  "ai.provider": A,
  "ai.saveProvider": A,
  "ai.removeProvider": A,
  "ai.testProvider": A,
  "ai.saveModelPrices": A,
  "ai.settings": M,
  "ai.saveSettings": A,
  "ai.callLog": A,
  "ai.callDetail": A,
  "ai.conversationSummary": M,
  "ai.summarizeConversation": M,
  "aiReplies.knowledge": M,
  "aiReplies.saveKnowledge": A,
  "aiReplies.deleteKnowledge": A,
  "aiReplies.suggest": M,
  "aiReplies.rewrite": M,
  "aiReplies.suggestionStats": M,
  "aiReplies.botOutcomeRates": M,
  "aiReplies.autoReplySettings": M,
  "aiReplies.saveAutoReplySettings": A,
  "aiReplies.conversationBot": M,
  "aiReplies.approveDraft": M,
  "aiReplies.discardDraft": M,
  "aiReplies.resumeBot": M,
  "flags.list": A,
  "flags.set": A,
  "analytics.dashboard": M,
  "alerts.rules": M,
  "alerts.channels": A,
  "alerts.saveRule": A,
  "alerts.saveChannels": A,
  "alerts.notifications": M,
  "alerts.markRead": M,
  "privacy.requests.list": A,
  "privacy.requests.register": A,
  "privacy.requests.close": A,
  "privacy.eraseContact": A,
  "privacy.retention.list": A,
  "privacy.retention.preview": A,
  "privacy.retention.save": A,
};

const procedures = Object.fromEntries(appProcedures().map((p) => [p.path, p]));

type Seeded = Awaited<ReturnType<typeof seedBusyOrganization>>;

/** Puts organization A's real ids wherever an input names one, so calls reach real rows. */
function withRealIds(value: unknown, ids: Seeded["ids"], path: string): unknown {
  const byKey: Record<string, string> = {
    instanceId: ids.instanceId,
    conversationId: ids.conversationId,
    messageId: ids.messageId,
    contactId: ids.contactId,
    tagId: ids.tagId,
    campaignId: ids.campaignId,
    deliveryId: ids.deliveryId,
    membershipId: ids.membershipId,
    assigneeId: ids.assigneeId,
  };
  const byList: Record<string, string> = { tagIds: ids.tagId, instanceIds: ids.instanceId, contactIds: ids.contactId };
  if (Array.isArray(value)) return value.map((item) => withRealIds(item, ids, path));
  if (!value || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key in byKey && typeof inner === "string") return [key, byKey[key]];
      if (key in byList && Array.isArray(inner)) return [key, [byList[key]]];
      if (key === "id" && path.startsWith("quickReplies.")) return [key, ids.quickReplyId];
      if (key === "id" && path.startsWith("contacts.fields.")) return [key, ids.fieldId];
      return [key, withRealIds(inner, ids, path)];
    }),
  );
}

/** Inputs the schema sample cannot make valid (formats, refinements) or that would change who may call. */
function explicitInputs(ids: Seeded["ids"]): Record<string, unknown> {
  return {
    "organization.update": { name: "Organização A", timezone: "America/Sao_Paulo" },
    "organization.updateBusinessHours": defaultBusinessHours,
    "account.changePassword": { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    "account.confirmTwoFactor": { code: "123456" },
    "account.setTwoFactorRequirement": { required: false },
    "instances.connect": { instanceId: ids.instanceId },
    "instances.action": { instanceId: ids.instanceId, action: "restart" },
    "members.invite": { email: `nova-${randomUUID().slice(0, 8)}@example.com`, role: "agent" },
    "members.changeRole": { membershipId: ids.membershipId, role: "agent" },
    "members.confirmHold": { holdId: randomUUID() },
    "conversations.list": {},
    "conversations.reply": { conversationId: ids.conversationId, clientMessageId: randomUUID(), body: "Oi" },
    "contacts.create": { phone: "+5511976543210", name: "Pessoa Nova" },
    "campaigns.save": campaignInput([ids.instanceId], { name: "Outra" }),
    "campaigns.estimatePace": { ...campaignInput([ids.instanceId]), name: undefined, variants: undefined },
    "ai.saveSettings": { ...(sampleOf(procedures["ai.saveSettings"]!.schema!) as object), currency: "BRL" },
    "campaigns.launch": { campaignId: randomUUID() },
    "campaigns.control": { campaignId: ids.campaignId, action: "cancel" },
    "privacy.eraseContact": { contactId: ids.contactId, requestId: randomUUID() },
  };
}

function inputFor(path: string, ids: Seeded["ids"]): unknown {
  const schema = procedures[path]!.schema;
  if (!schema) return undefined;
  const explicit = explicitInputs(ids);
  const input = path in explicit ? explicit[path] : withRealIds(sampleOf(schema), ids, path);
  const schedule = (input as { schedule?: unknown })?.schedule;
  const fixed = schedule
    ? { ...(input as object), schedule: { ...alwaysOpen(), startAt: new Date().toISOString() } }
    : input;
  return overTheWire(fixed);
}

type Outcome = { ok: true; data: unknown } | { ok: false; code: string };

async function call(caller: ReturnType<typeof callerFor>, path: string, input: unknown): Promise<Outcome> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    return { ok: true, data: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code };
    throw error;
  }
}

const refusedForRole = (outcome: Outcome) =>
  !outcome.ok && (outcome.code === "FORBIDDEN" || outcome.code === "UNAUTHORIZED");
const allowedRoles: Record<Policy, MemberRole[]> = {
  public: ["owner", "admin", "agent"],
  signedIn: ["owner", "admin", "agent"],
  member: ["owner", "admin", "agent"],
  admin: ["owner", "admin"],
  platform: [],
};

describe("authorization matrix", () => {
  it("declares a policy for every procedure of the app router, and only for real ones", () => {
    const paths = Object.keys(procedures).sort();
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !(p in policy))).toEqual([]);
    expect(Object.keys(policy).filter((p) => !(p in procedures))).toEqual([]);
  });

  it(
    "every procedure × owner, admin, agent and another organization's owner: allowed or forbidden as declared; never another organization's data",
    async () => {
      const a = await seedBusyOrganization();
      const paths = Object.keys(procedures).sort();
      const auditRowsOfA = () => withOrganization(a.org.organizationId, (tx) => tx.auditLog.count());

      // Two owners of other organizations go first, while every row of A still exists. One names A's rows,
      // the other ids that exist nowhere, call for call: their answers must be alike (A's rows are as absent
      // to them as rows that do not exist: no oracle), carry none of A's data, and write nothing into A.
      const [b, c] = await Promise.all([makeOrganization(), makeOrganization()]);
      const prying = callerFor(b.ownerId, b.organizationId);
      const control = callerFor(c.ownerId, c.organizationId);
      const nowhere = Object.fromEntries(Object.keys(a.ids).map((key) => [key, randomUUID()])) as Seeded["ids"];
      const leaks: string[] = [];
      const auditBefore = await auditRowsOfA();
      const kind = (outcome: Outcome) => (outcome.ok ? "success" : outcome.code);
      for (const path of paths) {
        const outcome = await call(prying, path, inputFor(path, a.ids));
        const baseline = await call(control, path, inputFor(path, nowhere));
        const text = outcome.ok ? (JSON.stringify(outcome.data) ?? "") : "";
        const named = [...a.secrets, a.org.organizationId, a.members.admin].filter((s) => text.includes(s));
        if (named.length) leaks.push(`${path} answered another organization with ${named.join(", ")}`);
        if (kind(outcome) !== kind(baseline)) {
          leaks.push(`${path}: A's rows answer ${kind(outcome)} where rows that do not exist answer ${kind(baseline)}`);
        }
      }
      expect.soft(leaks).toEqual([]);
      // Nothing the outsiders did was written into A's log: no write of theirs reached A.
      expect.soft(await auditRowsOfA()).toBe(auditBefore);

      const mismatches: string[] = [];
      const roles: MemberRole[] = ["agent", "admin", "owner"];
      for (const role of roles) {
        const caller = callerFor(a.members[role], a.org.organizationId);
        for (const path of paths) {
          const outcome = await call(caller, path, inputFor(path, a.ids));
          const expected = allowedRoles[policy[path]!].includes(role) ? "allowed" : "forbidden";
          const actual = refusedForRole(outcome) ? "forbidden" : "allowed";
          if (expected !== actual) {
            mismatches.push(`${role} ${path}: expected ${expected}, got ${outcome.ok ? "success" : outcome.code}`);
          }
        }
      }
      expect.soft(mismatches).toEqual([]);
    },
    5 * 60_000,
  );
});
