/**
 * Next's startup hook. server.ts has normally started tracing already (startTracing runs once per
 * process); this covers a Next server started without it. Node runtime only: the SDK needs node APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracing } = await import("./server/observability/start-tracing");
  startTracing("web");
}

/**
 * Errors Next catches itself (server components, server actions, middleware) are tracked like the rest
 * (route handlers and tRPC record theirs before answering). Never the query string: it could hold a
 * search term.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string; routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordError } = await import("./server/domain/errors/record-error");
  await recordError({
    source: "web",
    error,
    context: {
      method: request.method,
      path: request.path.split("?")[0] ?? "",
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as { digest?: unknown } | null)?.digest as string | null,
    },
  });
}
