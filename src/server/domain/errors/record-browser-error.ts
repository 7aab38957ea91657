import type { BrowserErrorReport } from "../../../shared/schemas/errors";
import { recordError, type RecordedError } from "./record-error";

/**
 * An error a browser reported (error boundary, window.onerror, unhandled rejection): the organization's
 * when a member reported it, system-wide otherwise (signed-out pages).
 */
export function recordBrowserError(
  report: BrowserErrorReport,
  reporter: { organizationId: string | null; userAgent: string | null },
): Promise<RecordedError | null> {
  return recordError({
    source: "browser",
    error: { name: report.name, message: report.message, stack: report.stack },
    organizationId: reporter.organizationId,
    context: {
      kind: report.kind,
      // The path only: a query string could carry a search term or a token.
      path: report.path.split("?")[0] ?? "",
      digest: report.digest ?? null,
      browser: reporter.userAgent?.slice(0, 200) ?? null,
    },
  });
}
