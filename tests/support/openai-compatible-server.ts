import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  at: number;
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: {
      type: string;
      json_schema?: { name?: string; schema: { properties: Record<string, { enum?: string[] }> } };
    };
  };
}

/** One multipart request to /audio/transcriptions, as the server parsed it. */
export interface RecordedTranscription {
  at: number;
  authorization: string | undefined;
  contentType: string | undefined;
  model: string;
  responseFormat: string;
  language: string | null;
  file: { name: string; type: string; bytes: Buffer };
}

/** What the scripted speech-to-text model heard in a file. */
export interface HeardAudio {
  text: string;
  /** As OpenAI's verbose_json names it ("portuguese"). */
  language?: string;
  /** Seconds of audio. */
  duration: number;
}

/** The JSON the scripted model answers with: any object fitting the request's schema. */
type Answer = Record<string, unknown>;

/**
 * A real HTTP server speaking the OpenAI chat-completions contract (what any OpenAI-compatible
 * provider exposes), for tests: it records requests, checks the bearer key, answers with a scripted
 * JSON message, and can be told to answer 429 with Retry-After first.
 */
export async function startOpenAiCompatibleServer(options: {
  apiKey: string;
  /** `text` is the last user message; `schemaName` tells the features apart (message_insight, auto_reply_decision…). */
  answer: (text: string, schemaName: string | undefined, body: RecordedRequest["body"]) => Answer;
  /** The answer to a free-text request (no JSON schema asked), e.g. a summary. */
  reply?: (text: string) => string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** The words in an uploaded audio file (for /audio/transcriptions). */
  transcribe?: (file: RecordedTranscription["file"]) => HeardAudio;
  /** Answer after this long (a slow provider; concurrent calls stay in flight together). */
  delayMs?: number;
}) {
  const requests: RecordedRequest[] = [];
  const transcriptions: RecordedTranscription[] = [];
  const planned: { status: number; retryAfterSeconds?: number }[] = [];
  const server: Server = createServer(async (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    /** The bearer key, then a planned failure (429 with Retry-After…), then the configured delay. */
    const admitted = async (): Promise<boolean> => {
      if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
        send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
        return false;
      }
      const next = planned.shift();
      if (next) {
        send(
          next.status,
          { error: { message: "Rate limit reached", type: "requests" } },
          next.retryAfterSeconds !== undefined ? { "retry-after": String(next.retryAfterSeconds) } : {},
        );
        return false;
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return true;
    };
    if (request.method === "POST" && request.url === "/v1/audio/transcriptions") {
      const recorded = await readTranscription(request);
      if ("error" in recorded) return send(400, { error: { message: recorded.error, type: "invalid_request_error" } });
      transcriptions.push(recorded);
      if (!(await admitted())) return;
      if (!options.transcribe) return send(404, { error: { message: "Not found", type: "invalid_request_error" } });
      const heard = options.transcribe(recorded.file);
      return answerTranscription(response, recorded, heard);
    }
    if (request.method !== "POST" || request.url !== "/v1/chat/completions")
      return send(404, { error: { message: "Not found", type: "invalid_request_error" } });
    const body = JSON.parse(await readBody(request)) as RecordedRequest["body"];
    requests.push({ at: Date.now(), authorization: request.headers.authorization, body });
    if (!(await admitted())) return;
    const text = body.messages.findLast((message) => message.role === "user")?.content ?? "";
    send(200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content:
              !body.response_format && options.reply
                ? options.reply(text)
                : JSON.stringify(options.answer(text, body.response_format?.json_schema?.name, body)),
            refusal: null,
          },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: (({ prompt_tokens, completion_tokens }) => ({
        prompt_tokens,
        completion_tokens,
        total_tokens: prompt_tokens + completion_tokens,
      }))(options.usage ?? { prompt_tokens: 50, completion_tokens: 20 }),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    transcriptions,
    /** The next requests get these statuses (e.g. 429 with Retry-After) before answers resume. */
    failNext: (...responses: { status: number; retryAfterSeconds?: number }[]) => planned.push(...responses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The multipart body OpenAI's /audio/transcriptions takes (file, model, response_format, language…),
 * parsed by undici's own multipart reader, with the checks the real endpoint makes.
 */
async function readTranscription(request: IncomingMessage): Promise<RecordedTranscription | { error: string }> {
  const contentType = request.headers["content-type"];
  if (!contentType?.startsWith("multipart/form-data")) return { error: "Expected multipart/form-data" };
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const form = await new Request("http://local/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: Buffer.concat(chunks),
  }).formData();
  const file = form.get("file");
  const model = form.get("model");
  if (!(file instanceof File)) return { error: "file is required" };
  if (typeof model !== "string" || !model) return { error: "model is required" };
  const responseFormat = String(form.get("response_format") ?? "json");
  if (responseFormat === "verbose_json" && !model.startsWith("whisper"))
    return { error: `response_format 'verbose_json' is not compatible with model '${model}'` };
  return {
    at: Date.now(),
    authorization: request.headers.authorization,
    contentType,
    model,
    responseFormat,
    language: typeof form.get("language") === "string" ? String(form.get("language")) : null,
    file: { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) },
  };
}

/** The answer in the format asked for: whisper's verbose_json, the gpt-4o models' json with usage, or text. */
function answerTranscription(response: ServerResponse, recorded: RecordedTranscription, heard: HeardAudio) {
  if (recorded.responseFormat === "text") {
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    return response.end(heard.text);
  }
  const body =
    recorded.responseFormat === "verbose_json"
      ? {
          task: "transcribe",
          language: heard.language ?? "portuguese",
          duration: heard.duration,
          text: heard.text,
          segments: [],
          usage: { type: "duration", seconds: Math.ceil(heard.duration) },
        }
      : {
          text: heard.text,
          usage: recorded.model.startsWith("whisper")
            ? { type: "duration", seconds: Math.ceil(heard.duration) }
            : {
                type: "tokens",
                input_tokens: Math.ceil(heard.duration * 10),
                output_tokens: Math.ceil(heard.text.length / 4),
                total_tokens: Math.ceil(heard.duration * 10) + Math.ceil(heard.text.length / 4),
                input_token_details: { audio_tokens: Math.ceil(heard.duration * 10), text_tokens: 0 },
              },
        };
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
