/**
 * Next's startup hook. server.ts has normally started tracing already (startTracing runs once per
 * process); this covers a Next server started without it. Node runtime only: the SDK needs node APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracing } = await import("./server/observability/start-tracing");
  startTracing("web");
}
