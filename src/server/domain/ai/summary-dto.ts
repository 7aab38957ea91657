import type { z } from "../../../shared/zod";
import type { conversationSummaryOutput } from "./ai-outputs";

export type SummaryDto = NonNullable<z.infer<typeof conversationSummaryOutput>>;

export function toSummaryDto(row: {
  id: string;
  trigger: string;
  engine: string;
  model: string;
  promptVersion: string;
  fallbackReason: string | null;
  summary: string;
  createdAt: Date;
}): SummaryDto {
  return {
    id: row.id,
    trigger: row.trigger === "closed" ? "closed" : "on_demand",
    engine: row.engine,
    model: row.model,
    promptVersion: row.promptVersion,
    fallbackReason: row.fallbackReason,
    summary: row.summary,
    createdAt: row.createdAt,
  };
}
