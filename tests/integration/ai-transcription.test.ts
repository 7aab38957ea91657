import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { allowExternalAi } from "../support/ai-settings";
import { connectedInboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { simulator } from "../support/simulator-control";

const API_KEY = "sk-test-transcribe-0123456789";
/** What each fake voice note "says": the test server hears the words written in its bytes. */
const spoken = (words: string) => Buffer.from(`OggS-fake-opus:${words}`).toString("base64");
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    transcribe: (file) => ({
      text: file.bytes.toString("utf8").replace("OggS-fake-opus:", ""),
      language: "portuguese",
      duration: 12.5,
    }),
    answer: (text) =>
      /péssimo|atrasado/i.test(text)
        ? { sentiment: "negative", sentiment_score: -0.8, label: "complaint", confidence: 0.93, language: "pt" }
        : { sentiment: "neutral", sentiment_score: 0, label: "question", confidence: 0.9, language: "pt" },
    usage: { prompt_tokens: 100, completion_tokens: 20 },
  });
});
afterAll(async () => {
  await server?.close();
});

type Fixture = Awaited<ReturnType<typeof connectedInboxFixture>>;

async function providerFixture(phone: string, settings: Parameters<typeof allowExternalAi>[1] = {}) {
  const fixture = await connectedInboxFixture(phone);
  await fixture.owner.ai.saveProvider({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    model: "test-model",
    transcriptionModel: "whisper-1",
    timeoutMs: 5000,
  });
  // R$ 0,60 a minute of audio: a 12,5 s note costs R$ 0,125.
  await fixture.owner.ai.saveModelPrices({
    prices: { "test-model": { input: 1, output: 1 }, "whisper-1": { input: 0, output: 0, perMinute: 0.6 } },
  });
  await allowExternalAi(fixture.owner, settings);
  return fixture;
}

/** A voice note from `from` through the simulator (webhook → ingestion → media stored → ai.transcribe). */
async function voiceNote(fixture: Fixture, from: string, words: string) {
  await simulator.inbound(fixture.providerName, { type: "voice", from, pushName: "Cliente", base64: spoken(words) });
  const find = () =>
    withOrganization(fixture.org.organizationId, (tx) =>
      tx.message.findFirst({
        where: { type: "voice", conversation: { contact: { phoneE164: { endsWith: from.slice(-8) } } } },
        select: { id: true, conversationId: true },
      }),
    );
  await expect.poll(find, { timeout: 15_000 }).not.toBeNull();
  const { id, conversationId } = (await find())!;
  const dto = async () =>
    (await fixture.owner.conversations.messages({ conversationId, limit: 5 })).items.find((m) => m.id === id)!;
  await expect.poll(async () => (await dto()).transcript, { timeout: 20_000 }).not.toBeNull();
  return { id, conversationId, dto };
}

describe("voice notes: transcribed by the provider, stored, classified and searchable", () => {
  it("a voice note is transcribed through /audio/transcriptions, classified like text and found by its words", async () => {
    const fixture = await providerFixture("5511900007001");
    const before = server.transcriptions.length;
    const words = "Oi, meu pedido chegou atrasado e a embalagem veio rasgada, péssimo atendimento";
    const note = await voiceNote(fixture, "5511987657001", words);
    await expect.poll(async () => (await note.dto()).insight, { timeout: 20_000 }).not.toBeNull();
    const message = await note.dto();
    expect(message.transcript).toEqual({ text: words, language: "portuguese", seconds: 12.5, skip: null });
    expect(message.insight).toMatchObject({ sentiment: "negative", label: "complaint", engine: "provider" });

    // What the server received: a real multipart upload of the stored bytes, asked as verbose_json.
    const [upload, ...more] = server.transcriptions.slice(before);
    expect(more).toEqual([]);
    expect(upload).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      model: "whisper-1",
      responseFormat: "verbose_json",
      file: { type: "audio/ogg" },
    });
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.file.bytes.toString("base64")).toBe(spoken(words));
    // The classifier was given the transcript.
    expect(server.requests.at(-1)!.body.messages.at(-1)!.content).toBe(words);

    // Logged and priced by the minute: 12,5 s at R$ 0,60/min.
    const { calls } = await fixture.owner.ai.callLog({ feature: "transcription", limit: 10 });
    expect(calls).toEqual([
      expect.objectContaining({ model: "whisper-1", outcome: "ok", cost: 0.125, engine: "provider" }),
    ]);

    const found = await fixture.owner.conversations.search({ query: "embalagem rasgada", limit: 5 });
    expect(found.items.map((item) => item.id)).toEqual([note.conversationId]);
  });

  it("a contact marked 'sem IA' is never heard by the provider; the message says why", async () => {
    const fixture = await providerFixture("5511900007002");
    await simulator.inbound(fixture.providerName, { type: "text", from: "5511987657002", text: "oi" });
    await expect
      .poll(() =>
        withOrganization(fixture.org.organizationId, (tx) =>
          tx.contact.findFirst({ where: { phoneE164: { endsWith: "87657002" } } }),
        ),
      )
      .not.toBeNull();
    const contact = await withOrganization(fixture.org.organizationId, (tx) =>
      tx.contact.findFirstOrThrow({ where: { phoneE164: { endsWith: "87657002" } } }),
    );
    await fixture.owner.ai.setContactAiOptOut({ contactId: contact.id, aiOptOut: true });
    const before = server.transcriptions.length;
    const note = await voiceNote(fixture, "5511987657002", "quero falar do meu CPF");
    expect((await note.dto()).transcript).toEqual({
      text: null,
      language: null,
      seconds: null,
      skip: "contact_ai_opt_out",
    });
    expect(server.transcriptions.length).toBe(before);
  });

  it("without a provider the note is not faked: the local engine cannot transcribe, and says so", async () => {
    const fixture = await connectedInboxFixture("5511900007003");
    const before = server.transcriptions.length;
    const note = await voiceNote(fixture, "5511987657003", "bom dia");
    expect((await note.dto()).transcript).toMatchObject({ text: null, skip: "no_provider" });
    expect((await note.dto()).insight).toBeNull();
    expect(server.transcriptions.length).toBe(before);
  });

  it("the budget holds transcriptions back at the cap", async () => {
    // R$ 0,10: the first note is admitted under the cap and costs R$ 0,125; the second is refused.
    const fixture = await providerFixture("5511900007004", { monthlyBudget: 0.1 });
    const before = server.transcriptions.length;
    const first = await voiceNote(fixture, "5511987657004", "qual o horário da loja");
    expect((await first.dto()).transcript?.text).toBe("qual o horário da loja");
    // Classified all the same: by the local engine, the budget being spent.
    await expect.poll(async () => (await first.dto()).insight?.engine, { timeout: 20_000 }).toBe("local");
    const second = await voiceNote(fixture, "5511987657005", "vocês entregam no sábado");
    expect((await second.dto()).transcript).toMatchObject({ text: null, skip: "budget_exhausted" });
    expect(server.transcriptions.length - before).toBe(1);
  });
  it("a rate-limited transcription is retried by the queue, honouring Retry-After, until it succeeds", async () => {
    const fixture = await providerFixture("5511900007006");
    const before = server.transcriptions.length;
    // Three 429s: the SDK's first attempt and its two retries (each waiting the 1 s of Retry-After) all
    // fail, so the job fails and pg-boss runs it again with backoff; the fourth upload is answered.
    server.failNext(
      { status: 429, retryAfterSeconds: 1 },
      { status: 429, retryAfterSeconds: 1 },
      { status: 429, retryAfterSeconds: 1 },
    );
    const words = "vocês abrem no feriado";
    const started = Date.now();
    const note = await voiceNote(fixture, "5511987657006", words);
    // Until the retry lands the message says the provider failed; then the transcript replaces it.
    await expect.poll(async () => (await note.dto()).transcript?.text, { timeout: 30_000 }).toBe(words);
    expect((await note.dto()).transcript).toEqual({ text: words, language: "portuguese", seconds: 12.5, skip: null });
    const uploads = server.transcriptions.slice(before);
    expect(uploads).toHaveLength(4);
    // The SDK waited Retry-After between its attempts: the 4 uploads span at least the 2 × 1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);

    // The failed job's call and the retry's are both logged; only the successful one costs.
    const { calls } = await fixture.owner.ai.callLog({ feature: "transcription", limit: 10 });
    expect(calls.map((call) => [call.outcome, call.cost])).toEqual(
      expect.arrayContaining([
        ["failed", 0],
        ["ok", 0.125],
      ]),
    );
    expect(calls).toHaveLength(2);
  });
});
