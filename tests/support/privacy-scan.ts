import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";
import { superuserClient } from "./scratch-database";

export interface TraceHit {
  table: string;
  column: string;
}

/**
 * Every text, jsonb and bytea column of every table in the application database (any schema, RLS
 * bypassed) that contains one of `needles`: the erasure's "no trace left" check.
 */
export async function findTracesInDatabase(needles: string[]): Promise<TraceHit[]> {
  const database = new URL(env().DATABASE_URL).pathname.slice(1);
  const client = superuserClient(database);
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ schema: string; table: string; column: string; type: string }>(`
      SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'tsvector')`);
    const hits: TraceHit[] = [];
    for (const { schema, table, column, type } of columns) {
      const value = type === "bytea" ? `encode("${column}", 'escape')` : `"${column}"::text`;
      for (const needle of needles) {
        const { rows } = await client.query(`SELECT 1 FROM "${schema}"."${table}" WHERE ${value} ILIKE $1 LIMIT 1`, [
          `%${needle}%`,
        ]);
        if (rows.length) hits.push({ table: `${schema}.${table}`, column });
      }
    }
    return hits;
  } finally {
    await client.end();
  }
}

/** Files of an organization in the local media store that contain one of `needles` (as UTF-8 bytes). */
export function findTracesInMediaDir(needles: string[], organizationId: string): string[] {
  const media = env().media;
  if (media.store !== "local") throw new Error("the trace scan reads the local media store");
  const dirs = ["objects", "meta"].map((part) => path.join(media.dir, part, organizationId));
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        if (needles.some((needle) => bytes.includes(Buffer.from(needle, "utf8")))) found.push(full);
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return found;
}
