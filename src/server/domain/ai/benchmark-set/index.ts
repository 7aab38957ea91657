import type { AiLabel, AiSentiment } from "../../../../shared/ai-labels";
import messages from "./pt-br-messages.json" with { type: "json" };

/** One hand-labelled message of the shipped benchmark set (see README.md next to it). */
export interface LabelledMessage {
  text: string;
  language: "pt" | "en";
  sentiment: AiSentiment;
  /** Null: no label fits (greetings, acknowledgements). */
  label: AiLabel | null;
}

export const benchmarkMessages = messages as LabelledMessage[];
