import { createServer, type IncomingMessage, type Server } from "node:http";
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
  /** Answer after this long (a slow provider; concurrent calls stay in flight together). */
  delayMs?: number;
}) {
  const requests: RecordedRequest[] = [];
  const planned: { status: number; retryAfterSeconds?: number }[] = [];
  const server: Server = createServer(async (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.url !== "/v1/chat/completions")
      return send(404, { error: { message: "Not found", type: "invalid_request_error" } });
    const body = JSON.parse(await readBody(request)) as RecordedRequest["body"];
    requests.push({ at: Date.now(), authorization: request.headers.authorization, body });
    if (request.headers.authorization !== `Bearer ${options.apiKey}`)
      return send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
    const next = planned.shift();
    if (next)
      return send(
        next.status,
        { error: { message: "Rate limit reached", type: "requests" } },
        next.retryAfterSeconds !== undefined ? { "retry-after": String(next.retryAfterSeconds) } : {},
      );
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
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
