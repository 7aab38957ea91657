import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isNonPublicAddress, isProviderAddressBlocked, providerDispatcher } from "./provider-address-guard";

describe("AI provider address guard", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.5", true],
    ["192.168.1.10", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::", true],
    ["fd12:3456::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["64:ff9b::a00:1", true],
    ["not-an-ip", true],
    ["8.8.8.8", false],
    ["172.32.0.1", false],
    ["2606:4700:4700::1111", false],
    ["::ffff:8.8.8.8", false],
  ])("%s is non-public: %s", (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it("refuses at connection time a name that resolves to loopback (what a rebinding name would do)", async () => {
    const server = createServer((_request, response) => response.end("internal"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // Reachable without the guard…
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe("internal");
      // …refused through it, with the guard's error as the cause.
      const refused = await fetch(`http://localhost:${port}/`, {
        // @ts-expect-error Node's fetch takes an undici dispatcher; lib.dom's RequestInit does not declare it.
        dispatcher: providerDispatcher(),
      }).catch((error: unknown) => error);
      expect(isProviderAddressBlocked(refused)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
