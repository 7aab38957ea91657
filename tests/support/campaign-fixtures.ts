import type { ConsentStatus } from "../../src/server/db/generated/enums";
import { withOrganization } from "../../src/server/db/tenant";
import { recordConsent } from "../../src/server/domain/consent/record-consent";
import { simulator } from "./simulator-control";
import { callerFor, makeOrganization } from "./factory";

/** An organization with `count` connected numbers (paired in the simulator). */
export async function organizationWithNumbers(count: number) {
  const org = await makeOrganization();
  const owner = callerFor(org.ownerId, org.organizationId);
  const numbers = [];
  for (let i = 0; i < count; i++) {
    const instance = await owner.instances.create({
      name: `Número ${i + 1}`,
      purpose: "campanhas",
      dailySendLimit: 10_000,
    });
    const { providerName } = await withOrganization(org.organizationId, (tx) =>
      tx.instance.findUniqueOrThrow({ where: { id: instance.id } }),
    );
    await owner.instances.connect({ instanceId: instance.id });
    await simulator.scan(providerName, { phoneNumber: `55119000${String(30000 + i).padStart(5, "0")}` });
    numbers.push({ id: instance.id, providerName });
  }
  for (const number of numbers) {
    const deadline = Date.now() + 15_000;
    while ((await owner.instances.get({ instanceId: number.id })).state !== "open") {
      if (Date.now() > deadline) throw new Error(`number ${number.providerName} did not connect`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { org, owner, numbers };
}

/** Contacts with a recorded consent state (the ledger entry as an import would write it). */
export async function seedContacts(
  organizationId: string,
  people: { phone: string; name?: string; consent?: ConsentStatus; blocked?: boolean }[],
): Promise<string[]> {
  return withOrganization(
    organizationId,
    async (tx) => {
      const ids: string[] = [];
      for (const person of people) {
        const contact = await tx.contact.create({
          data: {
            organizationId,
            phoneE164: person.phone,
            name: person.name ?? null,
            blockedAt: person.blocked ? new Date() : null,
          },
        });
        if (person.consent && person.consent !== "unknown")
          await recordConsent(tx, {
            organizationId,
            contactId: contact.id,
            status: person.consent,
            source: "import",
            legalBasis: person.consent === "opted_in" ? "consent" : null,
            evidence: "teste",
          });
        ids.push(contact.id);
      }
      return ids;
    },
    { timeoutMs: 120_000 },
  );
}

/** A schedule open all day, every day, from now on. */
export function alwaysOpen() {
  return {
    startAt: new Date(Date.now() - 60_000).toISOString(),
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    from: "00:00",
    to: "24:00",
    skipHolidays: false,
  };
}

/** A campaign's save input for tests: everyone opted in, fast limits, always open; override what a test needs. */
export function campaignInput(instanceIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    name: "Black Friday",
    legalBasis: "consent" as const,
    audience: { tagIds: [], instanceIds: [], consent: "opted_in" as const, lastInteraction: {}, fields: [] },
    variants: [{ body: "Olá, {{primeiro_nome|cliente}}! Ofertas para você." }],
    instanceIds,
    limits: { perMinute: 600, perHour: 20_000, perDay: 100_000, minIntervalSeconds: 0, maxIntervalSeconds: 0 },
    schedule: alwaysOpen(),
    recentContactDays: 7,
    thresholds: { failureRate: 0.5, optOutRate: 0.5, minSample: 1000 },
    ...overrides,
  };
}
