import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../../env";
import { logger } from "../logger";
import { watchPool } from "../observability/metrics";
import { PrismaClient } from "./generated/client";
import { slowQueryRecorder } from "./slow-query-log";

export type { Prisma } from "./generated/client";
export type DbClient = PrismaClient;

const globalForPrisma = globalThis as typeof globalThis & { mirageDb?: PrismaClient };

function createClient(): PrismaClient {
  const settings = env();
  const pool = new pg.Pool({
    connectionString: settings.DATABASE_URL,
    max: settings.DATABASE_POOL_MAX,
    application_name: `mirage-${process.env.MIRAGE_PROCESS ?? "web"}`,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost"));
  watchPool("prisma", pool);
  // $disconnect ends the pool too: left open, its connections keep the process alive after a stop.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  if (settings.SLOW_QUERY_MS <= 0) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", slowQueryRecorder(pool, settings.SLOW_QUERY_MS));
  return client;
}

/** The one PrismaClient of this process (kept on globalThis so dev reloads do not open new pools). */
export function db(): PrismaClient {
  globalForPrisma.mirageDb ??= createClient();
  return globalForPrisma.mirageDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.mirageDb?.$disconnect();
  globalForPrisma.mirageDb = undefined;
}
