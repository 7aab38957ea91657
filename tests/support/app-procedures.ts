import type { z } from "zod";
import { appRouter } from "../../src/server/api/root";

export interface AppProcedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** The zod schema of its input, or undefined for a procedure that takes none. */
  schema: z.core.$ZodType | undefined;
}

interface ProcedureDef {
  type: AppProcedure["type"];
  inputs: z.core.$ZodType[];
}

/** Every procedure of the app ("members.add", …), read from the router definition itself. */
export function appProcedures(): AppProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type, schema: procedure._def.inputs[0] }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
