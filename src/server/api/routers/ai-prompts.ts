import { z } from "zod";
import {
  diffPromptVersionsInput,
  listPromptVersionsInput,
  promptComparisonInput,
  promptVersionInput,
  requestPromptEvaluationInput,
  runPromptPlaygroundInput,
  savePromptDraftInput,
  startPromptAbInput,
} from "../../../shared/schemas/ai-prompts";
import {
  evaluationRunOutput,
  listPromptVersionsOutput,
  playgroundOutput,
  promptComparisonOutput,
  promptDiffOutput,
  promptVersionOutput,
} from "../../domain/ai-prompts/ai-prompts-outputs";
import { diffPromptVersions } from "../../domain/ai-prompts/diff-prompt-versions";
import { getPromptComparison } from "../../domain/ai-prompts/get-prompt-comparison";
import { listPromptVersions } from "../../domain/ai-prompts/list-prompt-versions";
import { publishPromptVersion } from "../../domain/ai-prompts/publish-prompt-version";
import { requestPromptEvaluation } from "../../domain/ai-prompts/request-prompt-evaluation";
import { rollbackPromptVersion } from "../../domain/ai-prompts/rollback-prompt-version";
import { runPromptPlayground } from "../../domain/ai-prompts/run-prompt-playground";
import { savePromptDraft } from "../../domain/ai-prompts/save-prompt-draft";
import { startPromptAb } from "../../domain/ai-prompts/start-prompt-ab";
import { adminProcedure, router } from "../trpc";

/** Versioned prompts per AI feature: drafts, publishing, rollback, diff, playground, A/B and evaluation. */
export const aiPromptsRouter = router({
  versions: adminProcedure
    .input(listPromptVersionsInput)
    .output(listPromptVersionsOutput)
    .query(({ ctx, input }) => listPromptVersions(ctx.actor, input)),
  saveDraft: adminProcedure
    .input(savePromptDraftInput)
    .output(promptVersionOutput)
    .mutation(({ ctx, input }) => savePromptDraft(ctx.actor, input)),
  publish: adminProcedure
    .input(promptVersionInput)
    .output(promptVersionOutput)
    .mutation(({ ctx, input }) => publishPromptVersion(ctx.actor, input)),
  rollback: adminProcedure
    .input(promptVersionInput)
    .output(promptVersionOutput)
    .mutation(({ ctx, input }) => rollbackPromptVersion(ctx.actor, input)),
  startAb: adminProcedure
    .input(startPromptAbInput)
    .output(z.array(promptVersionOutput))
    .mutation(({ ctx, input }) => startPromptAb(ctx.actor, input)),
  diff: adminProcedure
    .input(diffPromptVersionsInput)
    .output(promptDiffOutput)
    .query(({ ctx, input }) => diffPromptVersions(ctx.actor, input)),
  // A mutation: it calls the provider (and costs), so it is never refetched on its own.
  playground: adminProcedure
    .input(runPromptPlaygroundInput)
    .output(playgroundOutput)
    .mutation(({ ctx, input }) => runPromptPlayground(ctx.actor, input)),
  evaluate: adminProcedure
    .input(requestPromptEvaluationInput)
    .output(evaluationRunOutput)
    .mutation(({ ctx, input }) => requestPromptEvaluation(ctx.actor, input)),
  comparison: adminProcedure
    .input(promptComparisonInput)
    .output(promptComparisonOutput)
    .query(({ ctx, input }) => getPromptComparison(ctx.actor, input)),
});
