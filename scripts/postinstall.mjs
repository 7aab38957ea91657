// After `npm install`: generate the Prisma client, then build the web app so the first `npm start`
// serves within seconds. MIRAGE_SKIP_BUILD=1 skips the build (it then happens at first start).
import { execFileSync } from "node:child_process";

execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
if (process.env.MIRAGE_SKIP_BUILD !== "1") {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-if-stale.ts"], { stdio: "inherit" });
}
