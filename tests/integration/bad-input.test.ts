import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appProcedures, type AppProcedure } from "../support/app-procedures";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";
import { badInputsFor } from "../support/zod-bad-inputs";

type ProcedureDef = Pick<AppProcedure, "type">;

/** Every procedure of the app that takes an input, with its zod schema. */
const proceduresWithInput = () =>
  appProcedures().filter((p): p is AppProcedure & { schema: z.core.$ZodType } => p.schema !== undefined);

const RUNS_PER_PROCEDURE = 8;
// A query travels in the URL; past Node's 16 KiB header limit the answer would be Node's bare 431.
const HUGE = { query: 600, mutation: 200_000 };
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261205);

interface Answer {
  status: number;
  data: { appCode?: string; reason?: unknown; fieldErrors?: unknown } | undefined;
}

async function send(cookie: string, type: ProcedureDef["type"], path: string, input: unknown): Promise<Answer> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const response =
    type === "query"
      ? await fetch(`${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`, { headers: { cookie } })
      : await fetch(`${baseUrl}/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: encoded,
        });
  const body = (await response.json().catch(() => null)) as { error?: { json?: { data?: Answer["data"] } } } | null;
  return { status: response.status, data: body?.error?.json?.data };
}

/** The published error shape: a 4xx with a reason code, and field errors for what the schema refused. */
function isPublishedRefusal(answer: Answer): boolean {
  if (answer.status < 400 || answer.status >= 500 || typeof answer.data?.reason !== "string") return false;
  if (answer.data.appCode !== "VALIDATION") return true;
  const fieldErrors = answer.data.fieldErrors as Record<string, { reason: unknown }[]> | null | undefined;
  return (
    !!fieldErrors &&
    Object.values(fieldErrors).every((issues) => issues.every((issue) => typeof issue.reason === "string"))
  );
}

describe("bad input over HTTP", () => {
  it(
    "thousands of generated bad inputs, from each procedure's own zod schema, are refused with codes, never a 500",
    async () => {
      const procedures = proceduresWithInput();
      expect(procedures.length).toBeGreaterThan(60);
      // Several members share the calls, so the per-member API limit is never what answers.
      const cookies = await Promise.all(
        Array.from({ length: 4 }, async () => signInOverHttp((await makeOrganization()).ownerEmail, TEST_PASSWORD)),
      );
      let sent = 0;
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      for (const [index, { path, type, schema }] of procedures.entries()) {
        const cookie = cookies[index % cookies.length]!;
        await fc
          .assert(
            fc.asyncProperty(badInputsFor(schema, type === "query" ? HUGE.query : HUGE.mutation), async (input) => {
              const answer = await send(cookie, type, path, input);
              sent += 1;
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              if (!isPublishedRefusal(answer)) {
                failures.push(
                  `${path} ← ${JSON.stringify(input)?.slice(0, 300)} → ${answer.status} ${JSON.stringify(answer.data)}`,
                );
                return false;
              }
              return true;
            }),
            { numRuns: RUNS_PER_PROCEDURE, seed: SEED + index, endOnFailure: true },
          )
          .catch(() => undefined);
      }
      console.log(
        `bad inputs: ${sent} sent to ${procedures.length} procedures (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(500);
      const health = await fetch(`${baseUrl}/api/health`);
      expect(health.status).toBe(200);
    },
    10 * 60_000,
  );

  it("bodies that are not what the tRPC wire carries are refused as 4xx too, and the server stays up", async () => {
    const cookie = await signInOverHttp((await makeOrganization()).ownerEmail, TEST_PASSWORD);
    const raw = (path: string, body: string) =>
      fetch(`${baseUrl}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body,
      });
    const answers = await Promise.all([
      raw("tags.create", "{not json"),
      raw("tags.create", JSON.stringify({ json: { name: "x" }, meta: { values: { name: ["Date"] } } })),
      raw("tags.create", JSON.stringify({ json: { name: "x" }, meta: { values: "junk" } })),
      raw("tags.create", JSON.stringify([1, 2, 3])),
      raw("tags.create", "null"),
      raw("tags.list", "{}"),
      raw("no.such.procedure", "{}"),
      fetch(`${baseUrl}/api/trpc/contacts.get,contacts.get?batch=1&input=%7B%22x`, { headers: { cookie } }),
      fetch(`${baseUrl}/api/trpc/contacts.get?input=${encodeURIComponent('{"json":{"contactId":1}')}`, {
        headers: { cookie },
      }),
      fetch(`${baseUrl}/api/trpc/members.add`, { method: "PUT", headers: { cookie }, body: "{}" }),
      fetch(`${baseUrl}/api/trpc/members.add`, {
        method: "POST",
        headers: { "content-type": "text/xml", cookie },
        body: "<a/>",
      }),
    ]);
    const bodies = await Promise.all(answers.map(async (a) => `${a.status} ${(await a.text()).slice(0, 300)}`));
    expect(bodies.filter((b) => !/^4\d\d /.test(b))).toEqual([]);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});
