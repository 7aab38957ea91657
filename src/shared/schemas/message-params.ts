import { z } from "../zod";

/** The values a stored code is worded with (ICU arguments), as kept in a jsonb column. */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
