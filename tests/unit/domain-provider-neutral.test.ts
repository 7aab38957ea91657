import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leaksIn, leaksUnder } from "../support/provider-leaks";

/** The domain knows no JID, no Evolution event name and no Baileys code: a second provider needs no domain change. */
describe("the domain is provider-neutral", () => {
  const planted = mkdtempSync(path.join(tmpdir(), "mirage-planted-domain-"));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));

  it("src/server/domain names no JID, Evolution event or Baileys code", () => {
    expect(leaksUnder(path.join(process.cwd(), "src/server/domain"))).toEqual([]);
  });

  it("finds each kind of planted violation in a domain folder", () => {
    mkdirSync(path.join(planted, "messages"));
    writeFileSync(path.join(planted, "messages", "clean.ts"), 'export const kind = "message.received";\n');
    writeFileSync(
      path.join(planted, "messages", "planted.ts"),
      [
        "export const to = `${phone}@s.whatsapp.net`;",
        'export const isLid = (chat: string) => chat.endsWith("@lid");',
        'export const isGroup = (chat: string) => chat.endsWith("@g.us");',
        'export const subscribed = ["MESSAGES_UPSERT", "CONNECTION_UPDATE"];',
        'export const handles = (event: string) => event === "messages.upsert";',
        "export const loggedOut = (statusReason: number) => statusReason === 401;",
        "export const reason = { stateReason: 440 };",
        "export const remote = (key: { remoteJid: string }) => key.remoteJid;",
      ].join("\n"),
    );
    const found = leaksUnder(planted);
    expect(found.map((leak) => [path.basename(leak.file), leak.line, leak.what])).toEqual([
      ["planted.ts", 1, "a WhatsApp JID"],
      ["planted.ts", 2, "a WhatsApp JID"],
      ["planted.ts", 3, "a WhatsApp JID"],
      ["planted.ts", 4, "an Evolution event name"],
      ["planted.ts", 5, "an Evolution event name"],
      ["planted.ts", 6, "a Baileys disconnect code"],
      ["planted.ts", 7, "a Baileys disconnect code"],
      ["planted.ts", 8, "a JID field or the word JID"],
    ]);
  });

  it("lets the port's neutral terms through", () => {
    const neutral = [
      'if (event.kind === "connection.changed" && event.reason === "logged_out") return;',
      "const to = phoneAddress(contact.phoneE164);",
      'await recordInstanceEvent(tx, { kind: "logout", statusReason: "connection_lost" });',
      'if (status === 401 || status === 403) return { failure: "unauthorized" };',
    ].join("\n");
    expect(leaksIn(neutral)).toEqual([]);
  });
});
