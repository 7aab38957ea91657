// @nlpjs ships no types: only what the local engine uses.
declare module "@nlpjs/core" {
  export interface Container {
    use(plugin: unknown): void;
    registerConfiguration(tag: string, settings: object, overwrite?: boolean): void;
    get(name: "nlp"): import("@nlpjs/nlp").NlpManager;
  }
  export function containerBootstrap(settings?: object): Promise<Container>;
}

declare module "@nlpjs/nlp" {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpResult {
    locale: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export interface NlpManager {
    settings: { autoSave: boolean; log?: boolean; nlu?: object; threshold?: number };
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    guessLanguage(utterance: string): string | undefined;
  }
  export const Nlp: unknown;
}

declare module "@nlpjs/lang-pt" {
  export const LangPt: unknown;
  export class StemmerPt {
    tokenizeAndStem(text: string, keepStopwords?: boolean): string[];
  }
}

declare module "@nlpjs/similarity" {
  export function leven(left: string, right: string): number;
  export class CosineSimilarity {
    similarity(left: string | string[], right: string | string[], locale?: string): number;
  }
}

declare module "@nlpjs/lang-en" {
  export const LangEn: unknown;
}
