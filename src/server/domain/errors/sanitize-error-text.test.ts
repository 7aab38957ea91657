import { describe, expect, it } from "vitest";
import { sanitizeErrorContext, sanitizeErrorText } from "./sanitize-error-text";

describe("sanitizeErrorText", () => {
  it("replaces phones, WhatsApp addresses, e-mails and credentials, keeping record ids and stack paths", () => {
    const id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    const text = [
      "send to +55 (11) 98765-4321 failed",
      "jid 5511987654321@s.whatsapp.net",
      "mail ana.souza@example.com.br",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc",
      `apikey=${id}`,
      "key sk1234567890abcdefghijklmnopqrstuvwxyz",
      `conversation ${id}`,
      "    at deliverMessage (/work/mirage/src/server/domain/messages/deliver-message.ts:42:17)",
    ].join("\n");
    const clean = sanitizeErrorText(text);
    expect(clean).toBe(
      [
        "send to <phone> failed",
        "jid <phone>",
        "mail <email>",
        "Authorization: Bearer <token>",
        "apikey=<token>",
        "key <token>",
        `conversation ${id}`,
        "    at deliverMessage (/work/mirage/src/server/domain/messages/deliver-message.ts:42:17)",
      ].join("\n"),
    );
  });

  it("cuts to the length asked", () => {
    expect(sanitizeErrorText("a".repeat(100), 10)).toHaveLength(10);
  });
});

describe("sanitizeErrorContext", () => {
  it("keeps ids and small facts, drops keys that name personal data or secrets", () => {
    expect(
      sanitizeErrorContext({
        queue: "messages.send",
        jobId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        retryCount: 2,
        phone: "5511987654321",
        messageText: "olá",
        contactName: "Ana",
        apiToken: "x",
        nested: { a: 1 },
        path: "/contacts/5511987654321",
      }),
    ).toEqual({
      queue: "messages.send",
      jobId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      retryCount: 2,
      path: "/contacts/<phone>",
    });
  });
});
