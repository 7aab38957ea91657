import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";

/**
 * Compares schema.prisma with a migrated database: tables, columns, types, nullability, enums,
 * unique constraints and indexes. Returns one line per difference (empty when they agree).
 */
export async function schemaDrift(databaseUrl: string, schemaPath = "prisma/schema.prisma"): Promise<string[]> {
  const source = readFileSync(schemaPath, "utf8");
  const dmmf = await getDMMF({ datamodel: source });
  if (!("datamodel" in dmmf)) throw new Error("schema.prisma does not parse");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const problems: string[] = [];
    const columns = (
      await client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: string;
        datetime_precision: number | null;
      }>(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      )
    ).rows;
    const indexes = (
      await client.query<{ table: string; index: string; unique: boolean; columns: string[] }>(
        `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique,
                array_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' desc' ELSE '' END ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
         GROUP BY t.relname, i.relname, ix.indisunique`,
      )
    ).rows;
    const enumRows = (
      await client.query<{ name: string; values: string[] }>(
        `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public' GROUP BY t.typname`,
      )
    ).rows;

    const enumDbName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
    for (const e of dmmf.datamodel.enums) {
      const expected = e.values.map((v) => v.dbName ?? v.name);
      const actual = enumRows.find((r) => r.name === (e.dbName ?? e.name))?.values;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`enum ${e.name}: schema ${expected.join(",")} vs database ${actual?.join(",") ?? "missing"}`);
      }
    }

    const modelTables = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      modelTables.add(table);
      const dbColumns = columns.filter((c) => c.table_name === table);
      if (dbColumns.length === 0) {
        problems.push(`table ${table} (model ${model.name}) is missing`);
        continue;
      }
      const fieldColumns = new Map<string, string>();
      for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
        const name = field.dbName ?? field.name;
        fieldColumns.set(field.name, name);
        const column = dbColumns.find((c) => c.column_name === name);
        if (!column) {
          problems.push(`${table}.${name} is missing`);
          continue;
        }
        const baseType = expectedDbType(
          field.kind,
          field.type,
          field.nativeType as [string, string[]] | null | undefined,
          enumDbName,
        );
        // Scalar lists are Postgres arrays (`_text`), which Prisma creates without NOT NULL.
        const expectedType = field.isList ? `_${baseType.replace(/^enum:/, "")}` : baseType;
        const actualType =
          column.data_type === "USER-DEFINED" && !column.udt_name.startsWith("_")
            ? `enum:${column.udt_name}`
            : column.udt_name + (column.udt_name === "timestamptz" ? `(${column.datetime_precision})` : "");
        if (expectedType !== actualType)
          problems.push(`${table}.${name}: schema ${expectedType} vs database ${actualType}`);
        const nullable = column.is_nullable === "YES";
        if (!field.isList && nullable === field.isRequired)
          problems.push(
            `${table}.${name}: schema ${field.isRequired ? "NOT NULL" : "NULL"} vs database ${nullable ? "NULL" : "NOT NULL"}`,
          );
      }
      // DMMF leaves out `Unsupported("…")` fields (e.g. tsvector), so they are read from the source.
      for (const field of unsupportedFields(source, model.name)) {
        fieldColumns.set(field.name, field.column);
        const column = dbColumns.find((c) => c.column_name === field.column);
        if (!column) problems.push(`${table}.${field.column} is missing`);
        else if (column.udt_name !== field.type)
          problems.push(`${table}.${field.column}: schema ${field.type} vs database ${column.udt_name}`);
      }
      for (const column of dbColumns) {
        if (![...fieldColumns.values()].includes(column.column_name))
          problems.push(`${table}.${column.column_name} exists in the database but not in schema.prisma`);
      }
      const expectedIndexes = dmmf.datamodel.indexes
        .filter((i) => i.model === model.name)
        .map((i) => ({
          unique: i.type !== "normal" && i.type !== "fulltext",
          columns: i.fields.map((f) => `${fieldColumns.get(f.name) ?? f.name}${f.sortOrder === "desc" ? " desc" : ""}`),
        }));
      const actualIndexes = indexes.filter((i) => i.table === table);
      const key = (i: { unique: boolean; columns: string[] }) =>
        `${i.unique ? "unique" : "index"}(${i.columns.join(", ")})`;
      const expectedKeys = new Set(expectedIndexes.map(key));
      const actualKeys = new Set(actualIndexes.map(key));
      for (const k of expectedKeys) if (!actualKeys.has(k)) problems.push(`${table}: ${k} is missing in the database`);
      for (const k of actualKeys)
        if (!expectedKeys.has(k)) problems.push(`${table}: ${k} exists in the database but not in schema.prisma`);
    }
    for (const table of new Set(columns.map((c) => c.table_name))) {
      if (!modelTables.has(table)) problems.push(`table ${table} exists in the database but not in schema.prisma`);
    }
    return problems;
  } finally {
    await client.end();
  }
}

function unsupportedFields(source: string, model: string): { name: string; type: string; column: string }[] {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1] ?? "";
  return [...block.matchAll(/^\s*(\w+)\s+Unsupported\("(\w+)"\)\??.*?(?:@map\("(\w+)"\))?\s*$/gm)].map((m) => ({
    name: m[1]!,
    type: m[2]!,
    column: m[3] ?? m[1]!,
  }));
}

function expectedDbType(
  kind: string,
  type: string,
  nativeType: [string, string[]] | null | undefined,
  enums: Map<string, string>,
): string {
  if (kind === "enum") return `enum:${enums.get(type)}`;
  const native = nativeType?.[0];
  if (type === "String") return native === "Uuid" ? "uuid" : native === "VarChar" ? "varchar" : "text";
  if (type === "DateTime")
    return native === "Timestamptz"
      ? `timestamptz(${nativeType?.[1][0] ?? 6})`
      : native === "Date"
        ? "date"
        : "timestamp";
  const simple: Record<string, string> = {
    Int: "int4",
    BigInt: "int8",
    Float: "float8",
    Decimal: "numeric",
    Boolean: "bool",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return simple[type] ?? `unknown:${type}`;
}
