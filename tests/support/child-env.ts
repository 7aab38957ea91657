/**
 * This test process's environment without the settings of the run's own stack (data dir, ports,
 * database, secrets), for starting a Mirage entry point that must resolve its own.
 */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !k.startsWith("MIRAGE_") &&
        !k.startsWith("NEXTAUTH_") &&
        !["DATABASE_URL", "AUTH_SECRET", "PORT", "EMBEDDED_PG_PORT", "NODE_ENV", "APP_URL", "SIMULATOR_PORT"].includes(
          k,
        ),
    ),
  );
  return { ...clean, ...settings } as NodeJS.ProcessEnv;
}
