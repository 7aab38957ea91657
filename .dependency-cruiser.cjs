/**
 * The import rules of ../shared/architecture.md, checked by `npm run lint` (part of `npm test`).
 * Client components ("use client") are checked by src/app/client-imports.test.ts, since a path
 * alone does not tell them apart from server components.
 */
const rule = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { ...to, ...extra },
});

module.exports = {
  forbidden: [
    rule("shared-stays-browser-safe", "src/shared may import zod and itself only", "^src/shared", {
      path: "^src/(?!shared)",
    }),
    rule(
      "routes-skip-infrastructure",
      "route handlers go through api/auth/domain, not db, jobs or whatsapp",
      "^src/app/api",
      {
        path: "^src/server/(db|jobs|whatsapp)",
      },
    ),
    rule("api-only-adapts", "tRPC routers call domain functions; no db, whatsapp or workers", "^src/server/api", {
      path: "^src/(server/(db|whatsapp)|workers)",
    }),
    rule(
      "domain-is-transport-free",
      "domain logic knows no transport or UI framework and no Evolution wire format",
      "^src/server/domain",
      {
        path: "^(node_modules/(@trpc/server|next|next-auth|react|react-dom)/|src/server/(whatsapp/evolution|api|auth)|src/app)",
      },
    ),
    rule(
      "evolution-adapter-is-leaf",
      "the Evolution adapter knows the provider port, env and shared only",
      "^src/server/whatsapp/evolution",
      {
        path: "^src/server/(db|domain|api|jobs)",
      },
    ),
    rule("workers-outside-next", "workers run outside Next: no api, auth, app, next or react", "^src/workers", {
      path: "^(src/(server/(api|auth)|app)|node_modules/(next|next-auth|react|react-dom)/)",
    }),
    {
      name: "product-never-imports-simulator",
      comment: "the Evolution simulator is a dev/test tool",
      severity: "error",
      from: { path: "^(src|server\\.ts)", pathNot: "^src/simulator/" },
      to: { path: "^src/simulator/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src" },
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^src/server/db/generated/|\\.test\\.ts$)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
