import { z } from "zod";

/** Whose errors: the organization's own, or the system-wide ones (platform admins). */
export const errorScopes = ["organization", "system"] as const;
export const errorGroupStatuses = ["open", "resolved", "ignored"] as const;

export const listErrorGroupsInput = z.object({
  scope: z.enum(errorScopes).default("organization"),
  status: z.enum(errorGroupStatuses).optional(),
});

export const getErrorGroupInput = z.object({ groupId: z.uuid() });

export const setErrorGroupStatusInput = z.object({
  groupId: z.uuid(),
  status: z.enum(errorGroupStatuses),
});

/** The largest error report a browser may post to /api/errors. */
export const BROWSER_ERROR_MAX_BYTES = 16_384;

/** What the browser posts to /api/errors: an error boundary's or window.onerror's error, taken apart. */
export const browserErrorReport = z.object({
  kind: z.enum(["boundary", "error", "unhandledrejection"]),
  name: z.string().max(200).default("Error"),
  message: z.string().max(2_000),
  stack: z.string().max(12_000).default(""),
  /** The page's path (no query: it could hold a search term). */
  path: z.string().max(300).default(""),
  /** Next's digest of a server-rendered error. */
  digest: z.string().max(100).optional(),
});
export type BrowserErrorReport = z.infer<typeof browserErrorReport>;
