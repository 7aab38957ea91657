import type { z } from "../../../shared/zod";
import type { aiProviderOutput } from "./ai-outputs";

/** What the browser may know of a provider: never the key, only whether one is stored. */
export type AiProviderDto = NonNullable<z.infer<typeof aiProviderOutput>>;
