import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What only `src/server/whatsapp/<provider>/` may know: WhatsApp JIDs, Evolution's event names and
 * Baileys' disconnect codes. Domain code speaks the provider port's neutral terms instead.
 */
const leaks: { what: string; pattern: RegExp }[] = [
  { what: "a WhatsApp JID", pattern: /s\.whatsapp\.net|@lid\b|@g\.us\b|@c\.us\b|@broadcast\b|@newsletter\b/i },
  { what: "a JID field or the word JID", pattern: /\bjids?\b|remote_?jid|participantAlt|ownerJid/i },
  {
    what: "an Evolution event name",
    pattern:
      /\b(?:QRCODE_UPDATED|CONNECTION_UPDATE|LOGOUT_INSTANCE|MESSAGES_(?:UPSERT|UPDATE|EDITED|DELETE|SET)|SEND_MESSAGE|CONTACTS_(?:UPSERT|UPDATE|SET)|CHATS_[A-Z]+|PRESENCE_UPDATE|GROUPS?_[A-Z]+)\b/,
  },
  {
    what: "an Evolution event name",
    pattern:
      /\b(?:messages\.(?:upsert|update|edited|delete|set)|connection\.update|qrcode\.updated|logout\.instance|send\.message|contacts\.(?:upsert|update|set)|presence\.update)\b/,
  },
  {
    what: "a Baileys disconnect code",
    pattern:
      /\b(?:statusReason|stateReason|disconnectReason|disconnectionReasonCode|status_reason|state_reason)\b\W{0,6}\b(?:200|40[1-9]|411|428|440|500|503|515)\b|disconnectionReasonCode|DisconnectReason\.\w+/,
  },
];

export interface Leak {
  file: string;
  line: number;
  what: string;
  text: string;
}

/** The provider wire-format knowledge in one source text. */
export function leaksIn(source: string, file = "<source>"): Leak[] {
  return source
    .split("\n")
    .flatMap((text, index) =>
      leaks
        .filter(({ pattern }) => pattern.test(text))
        .map(({ what }) => ({ file, line: index + 1, what, text: text.trim() })),
    );
}

/** Every leak in a directory's TypeScript sources (tests excluded: their inputs may be wire data). */
export function leaksUnder(dir: string): Leak[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .flatMap((file) => leaksIn(readFileSync(path.join(dir, file), "utf8"), path.join(dir, file)));
}
