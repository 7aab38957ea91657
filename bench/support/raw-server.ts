/**
 * The raw ingest baseline, run as a child process: a plain Node HTTP server whose only work per
 * request is one INSERT of the raw event (no auth, no ORM, no queue). Tells the parent "ready" over IPC.
 *   RAW_DATABASE_URL, RAW_PORT, RAW_POOL_MAX
 */
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.RAW_DATABASE_URL,
  max: Number(process.env.RAW_POOL_MAX ?? 10),
});

const INSERT = `INSERT INTO raw.webhook_deliveries (id, organization_id, instance_id, event, dedupe_key, payload)
  VALUES (uuidv7(), $1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;

const server = http.createServer((request, response) => {
  const [, , organizationId, instanceId] = (request.url ?? "").split("/");
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    let event = "unknown";
    let dedupeKey = "";
    try {
      const parsed = JSON.parse(body) as { event?: string; data?: { key?: { id?: string } } };
      event = parsed.event ?? "unknown";
      dedupeKey = `${event}:${parsed.data?.key?.id ?? ""}`;
    } catch {
      response.writeHead(400).end();
      return;
    }
    pool.query(INSERT, [organizationId, instanceId, event, dedupeKey, body]).then(
      () => {
        response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      },
      (error: Error) => {
        console.error(error.message);
        response.writeHead(500).end();
      },
    );
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.RAW_PORT), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
