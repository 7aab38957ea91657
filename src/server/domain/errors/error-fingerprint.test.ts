import { describe, expect, it } from "vitest";
import { errorFingerprint, normalizeErrorMessage, topStackFrames } from "./error-fingerprint";

const v8Stack = (line: number) =>
  [
    "Error: boom",
    `    at deliverMessage (/srv/mirage/src/server/domain/messages/deliver-message.ts:${line}:17)`,
    "    at async runJob (/srv/mirage/src/workers/run-job.ts:60:7)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)",
    "    at async Promise.all (index 0)",
  ].join("\n");

describe("error fingerprint", () => {
  it("normalises ids, numbers and quoted values out of the message", () => {
    expect(
      normalizeErrorMessage(`Message "oi" not found: 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b after 3 attempts (0x1f)`),
    ).toBe("Message <value> not found: <id> after <n> attempts (<n>)");
  });

  it("takes the top frames without line numbers or origins (V8 and Firefox stacks)", () => {
    expect(topStackFrames(v8Stack(42))).toEqual([
      "deliverMessage (/src/server/domain/messages/deliver-message.ts)",
      "async runJob (/src/workers/run-job.ts)",
      "async Promise.all (index 0)",
    ]);
    expect(
      topStackFrames("render@https://mirage.example.com/_next/static/chunks/page.js?v=1:3:10\n@debugger eval code:1:1"),
    ).toEqual(["render (/_next/static/chunks/page.js)", "<anonymous> (debugger eval code)"]);
  });

  it("is the same for the same failure on another line or with other ids, different across scopes and messages", () => {
    const base = {
      organizationId: "org-a",
      source: "worker",
      errorName: "Error",
      message: "lost job 12",
      stack: v8Stack(42),
    };
    expect(errorFingerprint({ ...base, message: "lost job 99", stack: v8Stack(50) })).toBe(errorFingerprint(base));
    expect(errorFingerprint({ ...base, organizationId: null })).not.toBe(errorFingerprint(base));
    expect(errorFingerprint({ ...base, message: "other failure" })).not.toBe(errorFingerprint(base));
    expect(errorFingerprint({ ...base, stack: v8Stack(42).replace("deliverMessage", "sendReply") })).not.toBe(
      errorFingerprint(base),
    );
  });
});
