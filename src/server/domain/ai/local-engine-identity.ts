import nlpPackage from "@nlpjs/nlp/package.json" with { type: "json" };
import { LOCAL_CORPUS_VERSION } from "./local-corpus";

/** How insights of the local engine are signed (apart from the engine, so the web app need not load nlp.js). */
export const LOCAL_ENGINE = "local" as const;
export const LOCAL_MODEL = "nlpjs";
/** Library and corpus version, stored with each insight. */
export const LOCAL_ENGINE_VERSION = `${nlpPackage.version}+${LOCAL_CORPUS_VERSION}`;
