import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/messages/en.json";
import ptBR from "~/i18n/messages/pt-BR.json";
import type { Locale } from "~/i18n/locales";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { TEST_PASSWORD } from "../support/factory";
import { icuLiterals, languageDetector, type LanguageFinding } from "../support/language-detector";
import { baseUrl } from "../support/test-env";
import { seedWalkOrganization, walkUserData } from "../support/walk-fixture";

const catalogs = { "pt-BR": ptBR, en } as const;

/** Every message key of a catalog (dot-joined) → its text. */
function flatCatalog(locale: Locale, node: object = catalogs[locale], prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatCatalog(locale, value as object, `${prefix}${key}.`)),
    ),
  );
}

/** A plain catalog message by its key (the walk clicks buttons by the name the UI gives them). */
function word(locale: Locale, key: string): string {
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs[locale]);
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value;
}

/** A spreadsheet with rows the import rejects: a repeated phone, a number without area code, letters, a bad consent. */
const spreadsheet = [
  "Nome;Celular;Consentimento;Cidade",
  "Ana Lima;(11) 98765-0001;sim;Campinas",
  "Ana de novo;11987650001;sim;",
  "Carla;9876-0003;sim;",
  "Davi;abc;sim;",
  "Eva;(11) 98765-0005;talvez;",
].join("\r\n");
const spreadsheetData = [
  "Nome",
  "Celular",
  "Consentimento",
  "Ana de novo",
  "Carla",
  "Davi",
  "Eva",
  "Campinas",
  "talvez",
  "abc",
  "clientes.csv",
];

const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

interface Problem {
  step: string;
  what: string;
}

let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedWalkOrganization>>;
let context: BrowserContext;
let page: Page;
let current = "";
const problems: Problem[] = [];
const texts: Record<Locale, string[]> = { "pt-BR": [], en: [] };

beforeAll(async () => {
  browser = await launchBrowser();
  seeded = await seedWalkOrganization();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // WhatsApp's CDN (profile pictures the simulator reports) is outside this machine: answered here with a
  // 1×1 image, as the CDN would answer, so the walk sees the page as people with a network do.
  await context.route(/^https:\/\/[^/]*whatsapp\.net\//, (route) =>
    route.fulfill({ status: 200, contentType: "image/png", body: onePixelPng }),
  );
  page = await context.newPage();
  // A step that cannot happen fails in seconds, and the walk goes on (see `section`).
  page.setDefaultTimeout(10_000);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push({ step: current, what: `console: ${message.text().slice(0, 300)}` });
  });
  page.on("pageerror", (error) => problems.push({ step: current, what: `pageerror: ${error.message.slice(0, 300)}` }));
  page.on("response", (response) => {
    if (response.status() >= 500) problems.push({ step: current, what: `HTTP ${response.status()} ${response.url()}` });
  });
  await signInThroughPage(page, seeded.org.ownerEmail, TEST_PASSWORD);
  await page.waitForURL(`${baseUrl}/inbox`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Everything a person reads or hears: the visible text, placeholders, titles and accessible labels. */
function readableText(target: Page) {
  return target.evaluate(() => {
    // Prompt instructions are data the organization writes for the model (like a message), not UI words.
    let body = document.body.innerText;
    // Longest first: a short one (a variable name) must not cut a longer one (the prompt) before it is removed.
    const data = [...document.querySelectorAll<HTMLElement>("[data-prompt-text]:not(textarea)")]
      .map((element) => element.innerText)
      .sort((a, b) => b.length - a.length);
    for (const text of data) if (text) body = body.split(text).join("");
    const parts = [document.title, body];
    for (const element of document.querySelectorAll("[placeholder], [title], [aria-label], [alt]"))
      for (const attribute of ["placeholder", "title", "aria-label", "alt"]) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
    // What a person typed or a form prefilled (radio and hidden inputs carry codes, not words).
    const typed = "input[type=text], input[type=search], input[type=email], input:not([type]), textarea";
    for (const input of document.querySelectorAll<HTMLInputElement>(typed))
      if (input.value && !input.hasAttribute("data-prompt-text")) parts.push(input.value);
    return parts.join("\n");
  });
}

/** Until the page has loaded and shows no loader or skeleton (queries answered), then a moment to paint. */
async function settle() {
  await page.waitForLoadState("load");
  await page
    .waitForFunction(
      () => !document.querySelector(".mantine-Loader-root, .mantine-Skeleton-root[data-visible]"),
      null,
      {
        timeout: 5_000,
      },
    )
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

/** What the account page shows that belongs to no language: this browser's user agent, a TOTP key. */
const machineData: string[] = [];

/** Reads the page as it is now and records what belongs to the other language (or to no language). */
async function check(locale: Locale, step: string) {
  current = `${locale} ${step}`;
  await settle();
  let text = await readableText(page);
  const data = [...walkUserData, ...spreadsheetData, ...machineData, seeded.org.ownerEmail].sort(
    (a, b) => b.length - a.length,
  );
  for (const datum of data) text = text.split(datum).join(" ");
  texts[locale].push(text);
  const findings: LanguageFinding[] = detectors[locale].find(text);
  for (const finding of findings) {
    const at = text.indexOf(finding.match);
    const around = text.slice(Math.max(0, at - 30), at + finding.match.length + 30).replace(/\s+/g, " ");
    problems.push({ step: current, what: `${finding.kind}: ${finding.match} («${around}»)` });
  }
}

const detectors = { "pt-BR": languageDetector("pt-BR"), en: languageDetector("en") };

async function visit(locale: Locale, path: string, step = path) {
  current = `${locale} ${step}`;
  await page.goto(`${baseUrl}${path}`);
  await check(locale, step);
}

/** Opens a dialog with `open`, reads it, submits it empty when it is a form, reads the errors, closes it. */
async function dialog(locale: Locale, step: string, open: () => Promise<void>, options: { submit?: boolean } = {}) {
  current = `${locale} ${step}`;
  await open();
  const opened = page.getByRole("dialog").last();
  await opened.waitFor();
  await check(locale, step);
  if (options.submit !== false) {
    const submit = opened.locator("button[type=submit]");
    if (await submit.count()) {
      await submit.first().click();
      await check(locale, `${step} (submitted empty)`);
    }
  }
  await page.keyboard.press("Escape");
  await opened.waitFor({ state: "hidden" }).catch(() => undefined);
}

/** One part of the walk: a failure is recorded and the walk goes on, so one run reports every page. */
async function section(locale: Locale, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    problems.push({ step: `${locale} ${name}`, what: `walk failed: ${(error as Error).message.split("\n")[0]}` });
    await page
      .screenshot({ path: `/tmp/language-walk-${locale}-${name.replace(/\W+/g, "-")}.png` })
      .catch(() => undefined);
    await page.keyboard.press("Escape").catch(() => undefined);
  }
}

const button = (name: string) => page.getByRole("button", { name, exact: true }).first();

async function walk(locale: Locale) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);
  const w = (key: string) => word(locale, key);

  await section(locale, "inbox", async () => {
    await visit(locale, "/", "home");
    await visit(locale, "/inbox");
    // Each conversation, opened from the list as a person does (no full page load).
    const rows = page.getByTestId("conversation-row");
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await rows.nth(i).click();
      await page.getByTestId("message-list").waitFor();
      await check(locale, `inbox conversation ${i + 1} of ${count}`);
    }
  });

  await section(locale, "instances", async () => {
    await visit(locale, "/instances");
    await dialog(locale, "new instance", () => button(w("instances.add")).click());
    await visit(locale, `/instances/${seeded.instances.connected}`, "connected instance");
    await visit(locale, `/instances/${seeded.instances.loggedOut}`, "logged-out instance");
    // The timeline speaks this language: entry kinds, why the number dropped and what happened, each worded
    // from its code (which drop reason and details depend on the watchdog's timing, so any of them).
    const timeline = await page.getByTestId("instance-timeline").innerText();
    const worded = (prefix: string) =>
      Object.keys(flatCatalog(locale))
        .filter((key) => key.startsWith(prefix))
        .map((key) => icuLiterals(w(key))[0]!);
    for (const prefix of ["instances.kinds.", "instances.disconnect.", "instances.timelineDetail."])
      if (!worded(prefix).some((literal) => timeline.includes(literal)))
        problems.push({
          step: `${locale} logged-out instance`,
          what: `timeline shows no ${prefix}*: «${timeline.slice(0, 300)}»`,
        });
  });

  await section(locale, "contacts", async () => {
    await visit(locale, "/contacts");
    await dialog(locale, "new contact", () => button(w("contacts.add")).click());
  });
  await section(locale, "opted-out contact", async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.getByTestId("contact-row").filter({ hasText: "Zé Saiu" }).click();
    await page.getByTestId("contact-detail").waitFor();
    await check(locale, "opted-out contact");
    await page.getByTestId("record-consent-button").click();
    await check(locale, "record consent form");
    await page.getByTestId("consent-submit").click();
    await check(locale, "record consent submitted empty");
    await page.keyboard.press("Escape");
  });
  await section(locale, "foreign contact", async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.getByTestId("contact-row").filter({ hasText: "+20" }).first().click();
    await page.getByTestId("contact-detail").waitFor();
    await check(locale, "foreign nameless contact");
    await page.keyboard.press("Escape");
  });

  await section(locale, "import", async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.getByTestId("import-button").click();
    await check(locale, "import: upload");
    await page.getByTestId("import-file-input").setInputFiles({
      name: "clientes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(spreadsheet, "utf8"),
    });
    await page.getByTestId("mapping-next").waitFor();
    await check(locale, "import: mapping");
    await page.getByTestId("mapping-next").click();
    await page.getByTestId("import-preview").waitFor();
    await check(locale, "import: review with rejected rows");
    await page.getByTestId("review-next").click();
    await check(locale, "import: consent and confirm");
    await page.getByTestId("import-confirm").click();
    await check(locale, "import: confirm without legal basis");
    await page.keyboard.press("Escape");
  });

  await section(locale, "campaigns", async () => {
    await visit(locale, "/campaigns");
    await page.getByTestId("agenda-tab").click();
    await check(locale, "campaigns agenda");
    for (const [state, id] of Object.entries(seeded.campaigns))
      await visit(locale, `/campaigns/${id}`, `campaign ${state}`);
  });

  await section(locale, "new campaign wizard", async () => {
    await visit(locale, "/campaigns/new", "wizard: audience");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await check(locale, "wizard: message left empty");
    await page.locator("textarea").first().fill("Black Friday");
    for (const step of ["numbers", "schedule", "review"]) {
      await page.getByTestId("wizard-next").click();
      await check(locale, `wizard: ${step}`);
    }
    await page.getByTestId("wizard-save").click();
    await check(locale, "wizard: saved without a name");
  });

  await section(locale, "launch confirmation", async () => {
    await visit(locale, `/campaigns/${seeded.campaigns.draft}/edit`, "edit draft");
    for (let i = 0; i < 4; i++) await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-launch").click();
    await page.getByTestId("launch-confirm").waitFor();
    await check(locale, "launch confirmation");
    await page.keyboard.press("Escape");
  });

  await section(locale, "metrics and AI", async () => {
    await visit(locale, "/metrics");
    await visit(locale, "/ai");
  });
  await section(locale, "AI: logs, prompts, spend and privacy", async () => {
    await page.getByTestId("ai-tab-calls").click();
    await check(locale, "AI call log");
    await page.getByTestId("ai-tab-prompts").click();
    await page.locator("[data-testid=prompt-versions] tr[data-version]").first().waitFor();
    await check(locale, "AI prompts");
    // The draft editor and its variables hint.
    await page.getByTestId("prompt-copy").first().click();
    await page.getByTestId("prompt-editor").waitFor();
    await check(locale, "AI prompt editor");
    await page.getByTestId("ai-tab-settings").click();
    await check(locale, "AI spend and privacy");
  });

  await section(locale, "saved reports", async () => {
    await visit(locale, "/metrics/reports");
    await dialog(locale, "new report", () => page.getByTestId("report-new").click());
    // Saved through the form, with a weekly e-mail so every field of the schedule is on screen, then opened.
    await page.getByTestId("report-new").click();
    await page.getByTestId("report-name").fill(`Walk ${locale}`);
    await page.getByTestId("report-frequency").click();
    await page.getByRole("option", { name: w("reports.schedule.frequencies.weekly"), exact: true }).click();
    await page.getByTestId("report-recipients").fill("gerente@example.com");
    await page.getByTestId("report-recipients").press("Enter");
    await check(locale, "report editor with a weekly e-mail");
    await page.getByTestId("report-save").click();
    await page.getByTestId("report-table").waitFor();
    await check(locale, "saved report opened");
  });

  const tab = (name: string) => page.getByRole("tab", { name, exact: true }).click();
  await section(locale, "settings: organization", async () => {
    await visit(locale, "/settings");
    await page.getByRole("textbox", { name: w("settings.name"), exact: true }).fill("");
    await page.locator("form button[type=submit]").first().click();
    await check(locale, "organization form submitted without a name");
  });
  await section(locale, "settings: members", async () => {
    await tab(w("settings.members"));
    await check(locale, "members");
    await dialog(locale, "invite someone", () => button(w("settings.invite")).click());
  });
  await section(locale, "settings: quick replies", async () => {
    await tab(w("settings.quickReplies.title"));
    await check(locale, "quick replies");
    await dialog(locale, "new quick reply", () => button(w("settings.quickReplies.add")).click());
  });
  await section(locale, "settings: contact fields", async () => {
    await tab(w("settings.contactFields.title"));
    await check(locale, "contact fields");
    await dialog(locale, "new contact field", () => page.getByTestId("contact-field-add").click());
  });
  await section(locale, "settings: audit log", async () => {
    await tab(w("settings.audit.title"));
    await page.getByTestId("audit-row").first().waitFor();
    await check(locale, "audit log");
    await page.getByTestId("audit-row").first().click();
    await page.getByTestId("audit-detail").waitFor();
    await check(locale, "audit entry");
    await page.keyboard.press("Escape");
    await page.getByTestId("audit-detail").waitFor({ state: "hidden" });
  });
  await section(locale, "settings: failed events and diagnostics", async () => {
    await tab(w("settings.deadDeliveries.title"));
    await check(locale, "failed webhook events");
    await tab(w("settings.diagnostics"));
    await check(locale, "diagnostics");
  });
  await section(locale, "settings: errors", async () => {
    await tab(w("settings.errorTracking.title"));
    await check(locale, "error groups");
    await tab(w("settings.performance.title"));
    await check(locale, "performance (platform admins only)");
  });

  await section(locale, "my account", async () => {
    machineData.push(await page.evaluate(() => navigator.userAgent));
    await visit(locale, "/account");
    await button(w("account.enable")).click();
    await page.getByTestId("two-factor-qr").waitFor();
    machineData.push((await page.getByTestId("two-factor-secret").textContent()) ?? "");
    await check(locale, "two-step enrolment");
    await page.locator("form button[type=submit]").first().click();
    await check(locale, "account password form submitted empty");
  });

  await section(locale, "settings: privacy and legal", async () => {
    await visit(locale, "/settings");
    await tab(w("settings.privacy.title"));
    await check(locale, "privacy");
    await tab(w("settings.legal.title"));
    await check(locale, "legal");
    await dialog(locale, "register incident", () => page.getByTestId("incident-new").click());
  });

  await section(locale, "public opt-in and privacy policy", async () => {
    // The pages a person reaches from a shared link, without signing in.
    const guest = await browser.newContext();
    await guest.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);
    const open = await guest.newPage();
    open.on("pageerror", (error) => problems.push({ step: `${locale} opt-in`, what: `pageerror: ${error.message}` }));
    for (const path of [
      `/optin/${seeded.optInToken}`,
      `/optin/${seeded.optInToken}?error=optInNotAccepted`,
      `/optin/unknown-link`,
      `/legal/${seeded.org.organizationId}/privacy`,
    ]) {
      await open.goto(`${baseUrl}${path}`);
      await open.waitForTimeout(300);
      // The wording and the policy are the organization's own text (pt-BR in the seed), not UI words.
      let text = (await readableText(open)).split(seeded.optInWording).join(" ");
      for (const line of seeded.policyBody.split("\n").filter((l) => l.trim()))
        text = text.split(line.trim()).join(" ");
      for (const finding of detectors[locale].find(text))
        problems.push({ step: `${locale} ${path}`, what: `${finding.kind}: ${finding.match}` });
    }
    await guest.close();
  });

  await section(locale, "sign-in", async () => {
    // The sign-in page, to someone not signed in yet.
    const guest = await browser.newContext();
    await guest.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);
    const signIn = await guest.newPage();
    signIn.on("pageerror", (error) =>
      problems.push({ step: `${locale} sign-in`, what: `pageerror: ${error.message}` }),
    );
    await signIn.goto(`${baseUrl}/sign-in`);
    await signIn.getByRole("button", { name: w("signIn.submit") }).click();
    await signIn.waitForTimeout(500);
    const findings = detectors[locale].find(await readableText(signIn));
    for (const finding of findings)
      problems.push({ step: `${locale} sign-in`, what: `${finding.kind}: ${finding.match}` });
    // The pages reached by link, without a session: forgot password, a reset link and an invitation link.
    const byLink = async (step: string, act: () => Promise<void>) => {
      await act();
      for (const finding of detectors[locale].find(await readableText(signIn)))
        problems.push({ step: `${locale} ${step}`, what: `${finding.kind}: ${finding.match}` });
    };
    await byLink("forgot password", async () => {
      await signIn.goto(`${baseUrl}/forgot-password`);
      await signIn.getByRole("button", { name: w("access.send") }).click();
      await signIn.waitForTimeout(300);
    });
    await byLink("reset link", async () => {
      await signIn.goto(`${baseUrl}/reset-password/not-a-real-reset-token-0123456789`);
      await signIn.getByLabel(w("access.newPassword")).fill("a-long-enough-password");
      await signIn.getByRole("button", { name: w("access.save") }).click();
      await signIn.getByTestId("reset-problem").waitFor();
    });
    await byLink("invitation link", async () => {
      await signIn.goto(`${baseUrl}/invite/not-a-real-invitation-token-0123456789`);
      await signIn.getByTestId("invitation-problem").waitFor();
    });
    await guest.close();
  });
}

describe("every page in both languages (Chromium)", () => {
  it.each(["pt-BR", "en"] as const)(
    "%s: no text of the other language, zod's, raw keys or codes; no console errors or 5xx",
    async (locale) => {
      const started = Date.now();
      const before = problems.length;
      await walk(locale);
      // Not vacuous: the walk read this language (a word only its catalog has) on the pages it visited…
      const all = texts[locale].join("\n");
      expect(all).toContain(word(locale, "nav.inbox"));
      expect(all).toContain(word(locale, "settings.deadDeliveries.title"));
      // …and the other language's detector finds this text foreign.
      expect(detectors[locale === "en" ? "pt-BR" : "en"].find(all).length).toBeGreaterThan(20);
      const found = problems.slice(before).map((problem) => `${problem.step} → ${problem.what}`);
      console.log(`${locale} walk: ${texts[locale].length} views in ${Math.round((Date.now() - started) / 1000)} s`);
      expect([...new Set(found)]).toEqual([]);
    },
    240_000,
  );
});
