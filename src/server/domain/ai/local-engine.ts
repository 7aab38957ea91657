import { containerBootstrap, type Container } from "@nlpjs/core";
import { LangEn } from "@nlpjs/lang-en";
import { LangPt } from "@nlpjs/lang-pt";
import { Nlp, type NlpManager, type NlpResult } from "@nlpjs/nlp";
import { aiSentiments, type AiSentiment } from "../../../shared/ai-labels";
import { intentCorpus, sentimentCorpus, unlabelledCorpus } from "./local-corpus";

/** What an engine says about one message (the local one: nlp.js, no key, nothing leaves the machine). */
export interface Insight {
  sentiment: AiSentiment;
  /** P(positive) − P(negative), from −1 to 1. */
  sentimentScore: number;
  /** A code among the organization's labels; null when none fits. */
  label: string | null;
  confidence: number;
  language: "pt" | "en";
}

/** The class of greetings and acknowledgements: without it "bom dia" would be forced into a label. */
const UNLABELLED = "unlabelled";

/** Below this a label is not worth showing: the message is left unlabelled. */
const MIN_LABEL_CONFIDENCE = 0.35;

interface Models {
  intents: NlpManager;
  sentiments: NlpManager;
}

let models: Promise<Models> | null = null;

/** Trains once per process (a few hundred milliseconds); both models stay in memory. */
function trainedModels(): Promise<Models> {
  models ??= (async () => {
    const intents = await newManager();
    const sentiments = await newManager();
    for (const [label, { pt, en }] of [...Object.entries(intentCorpus), [UNLABELLED, unlabelledCorpus] as const]) {
      for (const text of pt) intents.addDocument("pt", text, label);
      for (const text of en) intents.addDocument("en", text, label);
    }
    for (const [sentiment, { pt, en }] of Object.entries(sentimentCorpus)) {
      for (const text of pt) sentiments.addDocument("pt", text, sentiment);
      for (const text of en) sentiments.addDocument("en", text, sentiment);
    }
    await intents.train();
    await sentiments.train();
    return { intents, sentiments };
  })().catch((error: unknown) => {
    models = null;
    throw error;
  });
  return models;
}

async function newManager(): Promise<NlpManager> {
  const container: Container = await containerBootstrap();
  // nlp.js logs every training epoch to the console unless told otherwise (its defaults, log off).
  container.registerConfiguration(
    "nlu-??",
    {
      keepStopwords: true,
      nonefeatureValue: 1,
      nonedeltaMultiplier: 1.2,
      spellCheck: true,
      spellCheckDistance: 1,
      filterZeros: true,
      log: false,
    },
    true,
  );
  container.use(Nlp);
  container.use(LangPt);
  container.use(LangEn);
  const manager = container.get("nlp");
  manager.settings.autoSave = false;
  manager.addLanguage(["pt", "en"]);
  return manager;
}

/**
 * Classifies one text into sentiment and, among `labels` (the organization's), an intent label.
 * Brazil first: anything not clearly English is read as Portuguese.
 */
export async function classifyLocally(text: string, labels: readonly string[]): Promise<Insight> {
  const { intents, sentiments } = await trainedModels();
  const language = await languageOf(text);
  const [intent, mood] = await Promise.all([intents.process(language, text), sentiments.process(language, text)]);
  const best = bestOf(intent, [...labels, UNLABELLED]);
  const p = (name: string) => mood.classifications.find((c) => c.intent === name)?.score ?? 0;
  const moodBest = bestOf(mood, aiSentiments);
  return {
    // Words the model never saw score 0 everywhere: neutral, not whichever class came first.
    sentiment: moodBest && moodBest.score > 0 ? (moodBest.intent as AiSentiment) : "neutral",
    sentimentScore: round(p("positive") - p("negative")),
    label: best && best.intent !== UNLABELLED && best.score >= MIN_LABEL_CONFIDENCE ? best.intent : null,
    confidence: round(best?.score ?? 0),
    language,
  };
}

/** Brazil first: anything not clearly English is read as Portuguese. */
export async function languageOf(text: string): Promise<"pt" | "en"> {
  const { intents } = await trainedModels();
  return intents.guessLanguage(text) === "en" ? "en" : "pt";
}

/** The highest-scoring classification among the allowed names (nlp.js also returns "None"). */
function bestOf(result: NlpResult, allowed: readonly string[]) {
  let best: { intent: string; score: number } | null = null;
  for (const c of result.classifications) {
    if (allowed.includes(c.intent) && (!best || c.score > best.score)) best = c;
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
