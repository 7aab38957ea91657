import { createServer, type Server } from "node:http";
import { z } from "zod";

const anyValue = z.object({
  stringValue: z.string().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
});
const keyValues = z.array(z.object({ key: z.string(), value: anyValue })).default([]);

/** The OTLP/HTTP JSON trace request (opentelemetry-proto's ExportTraceServiceRequest), as far as tests read it. */
const exportTraceRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: keyValues }).default({ attributes: [] }),
      scopeSpans: z.array(
        z.object({
          spans: z.array(
            z.object({
              traceId: z.string(),
              spanId: z.string(),
              parentSpanId: z.string().optional(),
              name: z.string(),
              kind: z.number().optional(),
              attributes: keyValues,
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, string>;
}

const flatten = (pairs: z.infer<typeof keyValues>) =>
  Object.fromEntries(pairs.map(({ key, value }) => [key, String(value.stringValue ?? value.intValue ?? "")]));

/** A local OTLP/HTTP collector: accepts POST /v1/traces (JSON encoding) and keeps every span it is sent. */
export async function startOtlpReceiver(port: number): Promise<{ spans: ReceivedSpan[]; close: () => Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/traces") {
        response.writeHead(404).end();
        return;
      }
      const parsed = exportTraceRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      if (!parsed.success) {
        response.writeHead(400).end();
        return;
      }
      for (const resourceSpan of parsed.data.resourceSpans) {
        const service = flatten(resourceSpan.resource.attributes)["service.name"] ?? "";
        for (const scope of resourceSpan.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              attributes: flatten(span.attributes),
            });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
