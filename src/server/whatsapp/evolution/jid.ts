/**
 * WhatsApp chat ids (JIDs) as Evolution API v2 reports them (contract §9): users `<digits>@s.whatsapp.net`,
 * groups `…@g.us`, privacy ids `<digits>@lid`, broadcasts `status@broadcast`.
 */

import { isPhoneAddress, type ChatAddress } from "../provider";

export type ChatKind = "user" | "group" | "lid" | "broadcast";

const USER_SUFFIX = "@s.whatsapp.net";

/** The kind of chat a JID names, or null for kinds Mirage does not handle (e.g. `@newsletter`). */
export function chatKind(jid: string): ChatKind | null {
  if (jid.endsWith(USER_SUFFIX)) return "user";
  if (jid.endsWith("@g.us")) return "group";
  if (jid.endsWith("@lid")) return "lid";
  if (jid.endsWith("@broadcast")) return "broadcast";
  return null;
}

/** `5511987654321@s.whatsapp.net` (or with a `:device` suffix) → `5511987654321`; null for other kinds. */
export function phoneFromJid(jid: string | null | undefined): string | null {
  if (!jid || chatKind(jid) !== "user") return null;
  const user = jid.slice(0, -USER_SUFFIX.length).split(":")[0] ?? "";
  return /^\d+$/.test(user) ? user : null;
}

export interface MessageKeyJids {
  remoteJid: string;
  remoteJidAlt?: string | null;
  participant?: string | null;
  participantAlt?: string | null;
}

/**
 * The sender's phone JID of a message key. Where the phone JID sits changed between versions (2.3.6 may
 * put a LID in `remoteJid` and the phone in `remoteJidAlt`, 2.3.7 rewrites, 2.4.0 swaps), so it is
 * whichever of the pair ends with `@s.whatsapp.net`; in groups the pair is `participant`/`participantAlt`.
 */
export function phoneJidOfKey(key: MessageKeyJids): string | null {
  const candidates =
    chatKind(key.remoteJid) === "group" ? [key.participant, key.participantAlt] : [key.remoteJid, key.remoteJidAlt];
  return candidates.find((jid): jid is string => !!jid && chatKind(jid) === "user") ?? null;
}

/** `201234567890123@lid` (a `:device` suffix dropped); null for other kinds. */
export function lidFromJid(jid: string | null | undefined): string | null {
  if (!jid || chatKind(jid) !== "lid") return null;
  const user = jid.slice(0, -"@lid".length).split(":")[0] ?? "";
  return /^\d+$/.test(user) ? `${user}@lid` : null;
}

/**
 * The phone digits and LID among JIDs naming one person, in any order: 2.3.6 may put the LID first and
 * the phone JID in the `…Alt` field, 2.4.0 the other way round (contract §9).
 */
export function identityOfJids(jids: (string | null | undefined)[]): { phone: string | null; lid: string | null } {
  return {
    phone: jids.map(phoneFromJid).find((phone) => phone !== null) ?? null,
    lid: jids.map(lidFromJid).find((lid) => lid !== null) ?? null,
  };
}

/**
 * Chats Mirage leaves alone: status updates and broadcast lists (`…@broadcast`), channels (`@newsletter`)
 * and any other kind it does not know.
 */
export function isIgnoredChat(jid: string): boolean {
  const kind = chatKind(jid);
  return kind === null || kind === "broadcast";
}

/**
 * The neutral chat address of a JID: a phone JID becomes its digits, every other JID (LID, group) is
 * kept whole as the opaque id only this adapter reads.
 */
export function addressFromJid(jid: string): ChatAddress {
  return phoneFromJid(jid) ?? jid;
}

/** The JID to send to for a neutral chat address (phone digits → user JID; opaque ids are JIDs already). */
export function jidFromAddress(address: ChatAddress): string {
  return isPhoneAddress(address) ? `${address}${USER_SUFFIX}` : address;
}

const COPIED_PHONE_JID = /^(\d+)(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/i;

/**
 * A phone JID as people copy it from WhatsApp tools and exports (`5511987654321@s.whatsapp.net`, the
 * older `…@c.us`, a `:device` suffix) → its digits; null for anything else, LIDs and groups included.
 */
export function phoneFromCopiedJid(text: string): string | null {
  return COPIED_PHONE_JID.exec(text.trim())?.[1] ?? null;
}
