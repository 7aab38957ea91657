import { createRequire } from "node:module";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace";

/** Requests that would only add noise to every trace store: probes, scrapes and static assets. */
const UNTRACED_PATHS = /^\/(api\/health|api\/metrics|_next\/|favicon)/;

/**
 * Starts the OpenTelemetry SDK for this process (loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set).
 * The exporter reads the endpoint and headers from the standard OTEL_* settings and sends OTLP/HTTP JSON.
 */
export function startTracingSdk(service: "web" | "worker"): { shutdown: () => Promise<void> } {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      "service.name": `mirage-${service}`,
      "service.version": process.env.MIRAGE_RELEASE ?? process.env.npm_package_version ?? "dev",
    }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: 1000 })],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ""),
        // Full URLs may carry phone numbers in query strings; the route label is enough.
        requestHook: (span) => span.setAttribute("url.query", ""),
      }),
      // Statements with placeholders only: parameter values (phones, message text) stay out of spans.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  // Modules loaded through ESM `import` bypass the require hook the instrumentations patch through;
  // requiring them once here patches the shared prototypes every importer uses.
  const require = createRequire(import.meta.url);
  for (const name of ["http", "https", "pg"]) require(name);
  return { shutdown: () => sdk.shutdown() };
}
