import type { BrowserErrorReport } from "~/shared/schemas/errors";

/** At most this many reports per page load: a render loop must not flood the server (it limits too). */
const MAX_REPORTS_PER_PAGE = 10;
let reportsSent = 0;

/** Sends one browser error to /api/errors (sanitized again and grouped on the server). Never throws. */
export function reportBrowserError(kind: BrowserErrorReport["kind"], error: unknown): void {
  if (reportsSent >= MAX_REPORTS_PER_PAGE) return;
  reportsSent += 1;
  const value = error instanceof Error ? error : new Error(typeof error === "string" ? error : "non-error thrown");
  const digest = (value as Error & { digest?: unknown }).digest;
  const report: BrowserErrorReport = {
    kind,
    name: value.name.slice(0, 200),
    message: value.message.slice(0, 2_000),
    stack: (value.stack ?? "").slice(0, 12_000),
    path: window.location.pathname.slice(0, 300),
    ...(typeof digest === "string" ? { digest: digest.slice(0, 100) } : {}),
  };
  void fetch("/api/errors", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(report),
    keepalive: true,
  }).catch(() => undefined);
}
