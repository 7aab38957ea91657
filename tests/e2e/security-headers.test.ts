import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { TEST_PASSWORD, makeOrganization } from "../support/factory";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("security headers", () => {
  it("every response carries CSP with a fresh nonce, no framing, referrer and permissions policies; no HSTS over http", async () => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/api/health/ready", "/no-such-page", "/favicon.svg"]) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
      expect(csp, path).not.toContain("unsafe-eval");
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
      // APP_URL is http:// in tests: a browser ignores HSTS there and it would pin nothing.
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
    expect(nonces.size).toBe(4);
  });

  it("the session cookie is HttpOnly and SameSite=Lax (Secure only behind https)", async () => {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).not.toMatch(/; Secure/i);
    }
  });

  it("pages load and work in Chromium without a single CSP violation", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Refused to load (Content Security Policy): ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    for (const path of ["/contacts", "/campaigns", "/settings"]) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("load");
    }
    // Hydrated (React ran): the colour scheme script and Next's chunks were all allowed.
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-mantine-color-scheme"))).toMatch(
      /light|dark/,
    );
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);
});
