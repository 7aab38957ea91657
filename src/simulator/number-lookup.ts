/**
 * `whatsappNumber` (`whatsapp.baileys.service.ts:3342-3509`): groups by metadata, `@lid` taken on trust, cached
 * JIDs from the shared IsOnWhatsapp table, the rest asked to WhatsApp over the socket (which must be up), matching
 * the answer against the BR/MX/AR with/without-digit variants.
 */
import { connectionClosed } from "./evolution-errors.ts";
import type { Instance } from "./instance.ts";
import { createJid, isGroupJid, isLidJid, isPhoneJid, jidUser, numberVariants, registeredJid } from "./jid.ts";
import type { SimulatorStore } from "./store.ts";

export interface NumberLookup {
  jid: string;
  exists: boolean;
  number: string;
  name?: string;
  lid?: string;
}

/** True when the control API declared this JID not on WhatsApp for the instance. */
export function isDeclaredMissing(instance: Instance, jid: string): boolean {
  const rule = instance.failureRule;
  if (rule?.mode !== "not-on-whatsapp") return false;
  return !rule.numbers || rule.numbers.has(registeredJid(jid));
}

/** The socket query WhatsApp answers: only JIDs that exist come back, in their registered form. */
function queryWhatsApp(instance: Instance, jids: string[]): { jid: string; exists: true }[] {
  if (!instance.hasSocket) throw new TypeError("Cannot read properties of undefined (reading 'onWhatsApp')");
  if (instance.state !== "open") throw connectionClosed();
  return jids
    .filter((jid) => !isDeclaredMissing(instance, jid))
    .map((jid) => ({ jid: registeredJid(jid), exists: true as const }));
}

/** The cache keeps every variant of a number pointing at the JID WhatsApp confirmed (`saveOnWhatsappCache`). */
export function rememberOnWhatsApp(store: SimulatorStore, jid: string): void {
  store.verifiedJids.set(jid, jid);
  if (isPhoneJid(jid)) for (const variant of numberVariants(jidUser(jid))) store.verifiedJids.set(variant, jid);
}

export function lookUpNumbers(store: SimulatorStore, instance: Instance, numbers: string[]): NumberLookup[] {
  const broadcasts: NumberLookup[] = [];
  const groups: NumberLookup[] = [];
  const users: { number: string; jid: string }[] = [];
  for (const number of numbers) {
    const jid = createJid(number);
    if (jid === "status@broadcast") broadcasts.push({ jid, exists: false, number });
    else if (isGroupJid(jid)) {
      const subject = instance.groups.get(jid);
      groups.push(
        subject === undefined ? { jid, exists: false, number } : { jid, exists: true, number, name: subject },
      );
    } else users.push({ number, jid });
  }
  const results = [...broadcasts, ...groups];

  const cachedJidOf = (jid: string): string | undefined =>
    isDeclaredMissing(instance, jid) ? undefined : store.verifiedJids.get(jid.replace("+", ""));
  const toVerify = users.filter(({ jid }) => !cachedJidOf(jid) && !isLidJid(jid)).map(({ jid }) => jid);
  const verified = toVerify.length > 0 ? queryWhatsApp(instance, toVerify) : [];

  for (const user of users) {
    const cached = cachedJidOf(user.jid);
    if (cached) {
      const lid = isLidJid(cached) ? "lid" : undefined;
      results.push({ jid: cached, exists: true, number: user.number, name: instance.contacts.get(cached), lid });
      continue;
    }
    if (isLidJid(user.jid)) {
      results.push({
        jid: user.jid,
        exists: true,
        number: user.number,
        name: instance.contacts.get(user.jid),
        lid: "lid",
      });
      continue;
    }
    const variants = numberVariants(user.number);
    const match =
      verified.find((answer) => variants.includes(answer.jid)) ?? verified.find((answer) => answer.jid === user.jid);
    const jid = match?.jid ?? user.jid;
    results.push({ jid, exists: Boolean(match), number: user.number, name: instance.contacts.get(jid) });
  }

  for (const result of results) {
    if (result.exists && !store.verifiedJids.has(result.jid)) rememberOnWhatsApp(store, result.jid);
  }
  return results;
}
