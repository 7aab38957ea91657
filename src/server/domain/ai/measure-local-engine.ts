import { defaultAiLabels } from "../../../shared/ai-labels";
import type { z } from "../../../shared/zod";
import type { localEngineBenchmarkOutput } from "./ai-outputs";
import { benchmarkMessages } from "./benchmark-set";
import { scoreClassification, type ClassificationScore } from "./classification-metrics";
import { LOCAL_ENGINE_VERSION } from "./local-engine-identity";
import { classifyLocally, type Insight } from "./local-engine";

export interface LocalEngineMeasurement {
  engineVersion: string;
  messages: number;
  sentiment: ClassificationScore;
  label: ClassificationScore;
  /** Messages classified (sentiment and label) per second on this machine, one after another. */
  messagesPerSecond: number;
}

/**
 * The local engine run over the labelled set the project ships (benchmark-set/): accuracy and macro-F1
 * of sentiment and label, and throughput. Measured, not written down: the IA page shows it (computed
 * once per process, on first use) and `npm run bench:ai` prints it.
 */
export async function measureLocalEngine(): Promise<LocalEngineMeasurement> {
  // Training happens on the first call: keep it out of the throughput figure.
  await classifyLocally("bom dia", defaultAiLabels);
  const started = performance.now();
  const predictions: Insight[] = [];
  for (const message of benchmarkMessages) predictions.push(await classifyLocally(message.text, defaultAiLabels));
  const seconds = (performance.now() - started) / 1000;
  return {
    engineVersion: LOCAL_ENGINE_VERSION,
    messages: benchmarkMessages.length,
    sentiment: scoreClassification(
      benchmarkMessages.map((message, index) => ({
        gold: message.sentiment,
        predicted: predictions[index]!.sentiment,
      })),
    ),
    label: scoreClassification(
      benchmarkMessages.map((message, index) => ({
        gold: message.label as string | null,
        predicted: predictions[index]!.label,
      })),
    ),
    messagesPerSecond: benchmarkMessages.length / seconds,
  };
}

let measured: Promise<LocalEngineMeasurement> | null = null;

/** The IA page's figures: the measurement without the per-class detail. */
export async function getLocalEngineBenchmark(): Promise<z.infer<typeof localEngineBenchmarkOutput>> {
  const measurement = await localEngineMeasurement();
  return {
    version: measurement.engineVersion,
    messages: measurement.messages,
    sentimentAccuracy: measurement.sentiment.accuracy,
    sentimentMacroF1: measurement.sentiment.macroF1,
    labelAccuracy: measurement.label.accuracy,
    labelMacroF1: measurement.label.macroF1,
    messagesPerSecond: measurement.messagesPerSecond,
  };
}

/** measureLocalEngine once per process (a second or so of CPU), for the IA page. */
export function localEngineMeasurement(): Promise<LocalEngineMeasurement> {
  measured ??= measureLocalEngine().catch((error: unknown) => {
    measured = null;
    throw error;
  });
  return measured;
}
