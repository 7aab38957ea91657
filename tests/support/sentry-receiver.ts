import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

export interface ReceivedEnvelope {
  path: string;
  /** The envelope's items: header and payload lines, parsed. */
  items: Record<string, unknown>[];
}

/**
 * A Sentry-compatible ingest endpoint (`POST /api/<project>/envelope/`, as Sentry and GlitchTip accept):
 * stores what arrives and answers 200 like the real one.
 */
export async function startSentryReceiver(port: number) {
  const envelopes: ReceivedEnvelope[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      if (request.method === "POST" && /^\/api\/\d+\/envelope\/?/.test(request.url ?? "")) {
        const items = body
          .toString("utf8")
          .split("\n")
          .filter((line) => line.trim().startsWith("{"))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        envelopes.push({ path: request.url ?? "", items });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
