import { describe, expect, it } from "vitest";
import { deliveryStatus, furthestStatus } from "./mapping";

describe("deliveryStatus", () => {
  it("maps Evolution's statuses", () => {
    expect(["PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED", "ERROR"].map(deliveryStatus)).toEqual([
      "pending",
      "sent",
      "delivered",
      "read",
      "played",
      "failed",
    ]);
    expect(deliveryStatus("DELETED")).toBeNull();
    expect(deliveryStatus(undefined)).toBeNull();
  });
});

describe("furthestStatus", () => {
  it("takes the furthest ack, whatever the order they were reported in", () => {
    expect(furthestStatus(["read", "sent", "delivered"])).toBe("read");
    expect(furthestStatus([null, "sent"])).toBe("sent");
    expect(furthestStatus([])).toBeNull();
  });

  it("reports a failure only when nothing got past pending", () => {
    expect(furthestStatus(["pending", "failed"])).toBe("failed");
    expect(furthestStatus(["failed", "delivered"])).toBe("delivered");
  });
});
