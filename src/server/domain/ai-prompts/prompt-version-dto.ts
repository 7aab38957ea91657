import type { Tx } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { PromptFeature } from "../../../shared/ai-prompts";
import { parseJsonColumn } from "../../db/json-column";
import { evaluationPerLabelSchema, type evaluationRunOutput, type promptVersionOutput } from "./ai-prompts-outputs";

export type PromptVersionDto = z.infer<typeof promptVersionOutput>;
export type EvaluationRunDto = z.infer<typeof evaluationRunOutput>;

export const evaluationRunSelect = {
  id: true,
  promptVersionId: true,
  status: true,
  size: true,
  answered: true,
  accuracy: true,
  macroF1: true,
  perLabel: true,
  errorCode: true,
  createdAt: true,
  finishedAt: true,
} as const;

export const promptVersionSelect = {
  id: true,
  feature: true,
  number: true,
  status: true,
  body: true,
  share: true,
  publishedAt: true,
  createdAt: true,
  evaluationRuns: { select: evaluationRunSelect, orderBy: { createdAt: "desc" as const }, take: 1 },
} as const;

type EvaluationRow = Omit<EvaluationRunDto, "perLabel"> & { perLabel: unknown };

export function toEvaluationRunDto(row: EvaluationRow): EvaluationRunDto {
  const source = { table: "ai_evaluation_runs", column: "per_label", id: row.id };
  return { ...row, perLabel: parseJsonColumn(evaluationPerLabelSchema, row.perLabel, source) };
}

export function toPromptVersionDto(row: {
  id: string;
  feature: string;
  number: number;
  status: "draft" | "published";
  body: string;
  share: number;
  publishedAt: Date | null;
  createdAt: Date;
  evaluationRuns: EvaluationRow[];
}): PromptVersionDto {
  const { evaluationRuns, ...version } = row;
  const latest = evaluationRuns[0];
  return { ...version, feature: row.feature as PromptFeature, evaluation: latest ? toEvaluationRunDto(latest) : null };
}

/** A version of this organization (NOT_FOUND otherwise is the caller's to throw). */
export function findPromptVersion(tx: Tx, organizationId: string, id: string) {
  return tx.aiPromptVersion.findFirst({ where: { id, organizationId }, select: promptVersionSelect });
}
