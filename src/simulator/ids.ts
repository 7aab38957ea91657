import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

/** Instance ids are lower-case UUID v4 (`uuid.v4()` in the instance controller). */
export const newInstanceId = (): string => randomUUID();

/** A token given by nobody becomes an upper-case UUID v4, returned as `hash` on create. */
export const newInstanceToken = (): string => randomUUID().toUpperCase();

let cuidCounter = randomInt(0, 36 ** 4);

/** Prisma's `@default(cuid())` row ids (25 chars, starting with "c"): the `id` of webhook, settings and message rows. */
export function newRowId(): string {
  cuidCounter = (cuidCounter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const counter = cuidCounter.toString(36).padStart(4, "0");
  const fingerprint = (process.pid % 36 ** 4).toString(36).padStart(4, "0");
  const random =
    randomInt(0, 36 ** 4)
      .toString(36)
      .padStart(4, "0") +
    randomInt(0, 36 ** 4)
      .toString(36)
      .padStart(4, "0");
  return `c${time}${counter}${fingerprint}${random}`;
}

const upperHex = (bytes: number): string => randomBytes(bytes).toString("hex").toUpperCase();

/** Baileys' `generateMessageIDV2`: "3EB0" + 18 upper-case hex chars, which `getDevice` reports as "web". */
export const newSentMessageId = (): string => `3EB0${upperHex(9)}`;

/** Ids of messages typed on phones: iOS "3A" + 18 hex chars, Android 32 hex chars. */
export function newPhoneMessageId(): string {
  return randomInt(0, 2) === 0 ? `3A${upperHex(9)}` : upperHex(16);
}

/** Baileys' `getDevice`, which Evolution uses for the `source` field. */
export function deviceOf(messageId: string): "ios" | "web" | "android" | "desktop" | "unknown" {
  if (/^3A.{18}$/.test(messageId)) return "ios";
  if (/^3E.{20}$/.test(messageId)) return "web";
  if (/^(.{21}|.{32})$/.test(messageId)) return "android";
  if (/^(3F|.{18}$)/.test(messageId)) return "desktop";
  return "unknown";
}

/** Baileys' `requestPairingCode` encodes 5 random bytes in this Crockford-like alphabet (8 chars). */
export function newPairingCode(): string {
  const alphabet = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
  return Array.from({ length: 8 }, () => alphabet[randomInt(0, alphabet.length)]).join("");
}

/** The QR text Baileys builds: server ref, noise key, identity key and ADV secret, comma-separated. */
export function newQrText(): string {
  const ref = `2@${randomBytes(66).toString("base64")}`;
  return [
    ref,
    randomBytes(32).toString("base64"),
    randomBytes(32).toString("base64"),
    randomBytes(32).toString("base64"),
  ].join(",");
}

/** A stable fake LID (WhatsApp's privacy id) for a phone number, so one contact keeps one LID. */
export function lidFor(phoneDigits: string): string {
  const digest = createHash("sha256").update(`lid:${phoneDigits}`).digest();
  const digits = Array.from(digest.subarray(0, 14), (byte) => (byte % 10).toString()).join("");
  return `2${digits}@lid`;
}

/** Random Brazilian mobile (São Paulo, with the 9th digit) used when a caller names no number. */
export const randomBrazilianMobile = (): string => `55119${randomInt(0, 100_000_000).toString().padStart(8, "0")}`;

/** A hex token naming one stored media blob inside its fake CDN URL. */
export const newMediaToken = (): string => randomBytes(16).toString("hex");

/** A stable fake profile-picture URL on WhatsApp's CDN for a JID. */
export function profilePictureUrlFor(jid: string): string {
  const digest = createHash("sha256").update(`pic:${jid}`).digest("hex");
  return `https://pps.whatsapp.net/v/t61.24694-24/${BigInt(`0x${digest.slice(0, 12)}`)}_n.jpg?ccb=11-4&oh=01_Q5Aa${digest.slice(12, 40)}&oe=68F2A1B3&_nc_sid=5e03e0&_nc_cat=1`;
}

/** A new-style group JID ("120363" + 12 digits). */
export const newGroupJid = (): string => `120363${randomInt(0, 1e12).toString().padStart(12, "0")}@g.us`;
