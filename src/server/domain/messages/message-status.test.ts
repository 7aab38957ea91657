import { describe, expect, it } from "vitest";
import type { MessageStatus } from "../../db/generated/enums";
import { advancedStatus } from "./message-status";

describe("advancedStatus", () => {
  it("only moves forward, whatever order the acks arrive in", () => {
    const reports: MessageStatus[] = ["read", "sent", "delivered", "sent"];
    expect(reports.reduce<MessageStatus>((status, reported) => advancedStatus(status, reported), "pending")).toBe(
      "read",
    );
  });

  it("lets an ack resolve an unknown or failed send, but never fails an accepted one", () => {
    expect(advancedStatus("unknown", "sent")).toBe("sent");
    expect(advancedStatus("failed", "delivered")).toBe("delivered");
    expect(advancedStatus("delivered", "failed")).toBe("delivered");
    expect(advancedStatus("sending", "failed")).toBe("failed");
  });

  it("never changes an inbound message", () => {
    expect(advancedStatus("received", "read")).toBe("received");
  });
});
