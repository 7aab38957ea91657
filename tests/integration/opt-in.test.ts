import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { issueOptInFormToken } from "~/server/domain/consent/opt-in-form-token";
import { connectedInboxFixture } from "../support/inbox-pipeline";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

const wording = "Quero receber novidades e ofertas da Loja pelo WhatsApp. Posso sair quando quiser respondendo SAIR.";

/** A São Paulo mobile: WhatsApp keeps its 9th digit (from DDD 31 on, old numbers are registered without it). */
function uniqueMobile() {
  const local = `9${randomInt(70_000_000, 99_999_999)}`;
  return { typed: `(11) ${local.slice(0, 5)}-${local.slice(5)}`, digits: `5511${local}`, e164: `+5511${local}` };
}

async function formFixture() {
  const fixture = await connectedInboxFixture(`55119${randomInt(10_000_000, 99_999_999)}`);
  const form = await fixture.owner.legal.optInForms.save({ instanceId: fixture.instanceId, wording, active: true });
  return { ...fixture, form };
}

/** What the simulator received for a person: WhatsApp may write a Brazilian mobile without its 9th digit. */
const sentTo = async (providerName: string, digits: string) =>
  (await simulator.sent(providerName)).filter((m) => m.to.includes(digits.slice(-8)));

/** Posts the public form as a browser does (urlencoded), with a token issued `ageMs` ago. */
async function post(
  form: { id: string; token: string; wordingVersion: number },
  fields: Record<string, string>,
  ageMs = 5_000,
) {
  const body = new URLSearchParams({
    formToken: issueOptInFormToken(form.id, form.wordingVersion, Date.now() - ageMs),
    wordingVersion: String(form.wordingVersion),
    consent: "on",
    website: "",
    ...fields,
  });
  const response = await fetch(`${baseUrl}/api/optin/${form.token}`, { method: "POST", body, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

const requestsOf = (organizationId: string) =>
  withOrganization(organizationId, (tx) => tx.optInRequest.findMany({ orderBy: { submittedAt: "asc" } }));

async function contactOf(organizationId: string, e164: string) {
  return withOrganization(organizationId, (tx) =>
    tx.contact.findFirst({
      where: { phoneE164: e164 },
      include: { consentEvents: { orderBy: { occurredAt: "asc" } } },
    }),
  );
}

describe("public opt-in (double opt-in)", () => {
  it("refuses a filled honeypot, a form sent too fast and a forged token, writing nothing", async () => {
    const { org, form } = await formFixture();
    const person = uniqueMobile();
    const honeypot = await post(form, { phone: person.typed, website: "http://spam.example" });
    expect(honeypot).toMatchObject({ status: 303, location: `/optin/${form.token}?error=optInNotAccepted` });
    const tooFast = await post(form, { phone: person.typed }, 500);
    expect(tooFast.location).toContain("error=optInNotAccepted");
    const forged = await post(form, { phone: person.typed, formToken: `${Date.now() - 10_000}.forged` });
    expect(forged.location).toContain("error=optInNotAccepted");
    const noConsent = await post(form, { phone: person.typed, consent: "" });
    expect(noConsent.location).toContain("error=optInNotAccepted");
    expect(await requestsOf(org.organizationId)).toEqual([]);
    expect(await contactOf(org.organizationId, person.e164)).toBeNull();
  });

  it("sends a WhatsApp confirmation; the reply SIM opts the person in with the wording, version, time and IP", async () => {
    const { org, owner, form, providerName } = await formFixture();
    const person = uniqueMobile();
    const sent = await post(form, { phone: person.typed, name: "Rita Optin" });
    expect(sent).toMatchObject({ status: 303, location: `/optin/${form.token}?status=sent` });

    const [pending] = await requestsOf(org.organizationId);
    expect(pending).toMatchObject({ status: "pending", wordingVersion: 1 });
    expect(pending!.ipAddress).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    // Not consent yet: the contact stays without a record until the person answers.
    expect((await contactOf(org.organizationId, person.e164))!.consentStatus).toBe("unknown");

    // The confirmation goes through the normal send pipeline and reaches the number at the simulator.
    await expect
      .poll(async () => (await sentTo(providerName, person.digits)).map((m) => m.text), {
        timeout: 45_000,
        interval: 200,
      })
      .toEqual([expect.stringContaining("Para confirmar, responda SIM.")]);

    // Submitting again the same day sends nothing more.
    expect((await post(form, { phone: person.typed })).location).toContain("status=sent");

    await simulator.inbound(providerName, { type: "text", from: person.digits, text: "Sim!" });
    await expect
      .poll(async () => (await contactOf(org.organizationId, person.e164))?.consentStatus, {
        timeout: 45_000,
        interval: 200,
      })
      .toBe("opted_in");
    const contact = (await contactOf(org.organizationId, person.e164))!;
    expect(contact.name).toBe("Rita Optin");
    const entry = contact.consentEvents.at(-1)!;
    expect(entry).toMatchObject({
      status: "opted_in",
      source: "form",
      legalBasis: "consent",
      evidence: wording,
      evidenceCode: "opt_in_form_confirmed",
    });
    expect(entry.evidenceParams).toMatchObject({
      formId: form.id,
      wordingVersion: 1,
      ip: pending!.ipAddress,
      submittedAt: pending!.submittedAt.toISOString(),
      reply: "Sim!",
    });
    expect((await requestsOf(org.organizationId)).map((r) => r.status)).toEqual(["confirmed", "confirmed"]);
    expect(await sentTo(providerName, person.digits)).toHaveLength(1);
    const forms = await owner.legal.optInForms.list();
    expect(forms[0]).toMatchObject({ confirmed: 2, pending: 0 });
  });

  it("lets an opt-out win: SAIR while pending refuses it, and a later SIM does not opt in", async () => {
    const { org, owner, form, providerName } = await formFixture();
    const person = uniqueMobile();
    await post(form, { phone: person.typed });
    await expect
      .poll(async () => (await sentTo(providerName, person.digits)).length, {
        timeout: 45_000,
        interval: 200,
      })
      .toBe(1);
    await simulator.inbound(providerName, { type: "text", from: person.digits, text: "SAIR" });
    await expect
      .poll(async () => (await contactOf(org.organizationId, person.e164))?.consentStatus, {
        timeout: 45_000,
        interval: 200,
      })
      .toBe("opted_out");
    expect((await requestsOf(org.organizationId)).map((r) => r.status)).toEqual(["refused"]);
    await simulator.inbound(providerName, { type: "text", from: person.digits, text: "SIM" });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The inbound SIM was stored (it is a message) but consent did not change.
    await expect
      .poll(async () => withOrganization(org.organizationId, (tx) => tx.message.count({ where: { body: "SIM" } })), {
        timeout: 45_000,
        interval: 200,
      })
      .toBe(1);
    expect((await contactOf(org.organizationId, person.e164))!.consentStatus).toBe("opted_out");

    // A new wording is a new version; a page showing the old one is asked to reload.
    const edited = await owner.legal.optInForms.save({
      formId: form.id,
      instanceId: form.instanceId,
      wording: `${wording} Versão nova.`,
      active: true,
    });
    expect(edited.wordingVersion).toBe(2);
    const stale = await post(form, { phone: uniqueMobile().typed });
    expect(stale.location).toContain("error=optInWordingOutdated");
  });
});
