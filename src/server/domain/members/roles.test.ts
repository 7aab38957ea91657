import { describe, expect, it } from "vitest";
import { canAssignRole, roleAtLeast } from "./roles";

describe("roles", () => {
  it("orders owner > admin > agent", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("admin", "admin")).toBe(true);
    expect(roleAtLeast("agent", "admin")).toBe(false);
  });

  it("lets only owners hand out ownership and admins manage the rest", () => {
    expect(canAssignRole("owner", "owner")).toBe(true);
    expect(canAssignRole("admin", "owner")).toBe(false);
    expect(canAssignRole("admin", "agent")).toBe(true);
    expect(canAssignRole("agent", "agent")).toBe(false);
  });
});
