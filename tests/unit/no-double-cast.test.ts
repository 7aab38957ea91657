import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The lint rule that keeps `as unknown as` out of src (eslint.config.mjs), checked on planted code. */
describe("no `as unknown as` in src", () => {
  const eslint = new ESLint();
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

  it("fails a planted double cast in server and app code", async () => {
    const planted = 'export const value = JSON.parse("{}") as unknown as { id: string };\n';
    expect(await problems(planted, "src/server/domain/planted.ts")).toContain("no-restricted-syntax");
    expect(await problems(planted, "src/app/planted.tsx")).toContain("no-restricted-syntax");
  }, 60_000);

  it("lets a plain assertion through", async () => {
    const plain = 'export const value = JSON.parse("{}") as { id: string };\n';
    expect(await problems(plain, "src/server/domain/planted.ts")).not.toContain("no-restricted-syntax");
  }, 60_000);
});
