import { env } from "../../../env";

/** The release errors are recorded under: `MIRAGE_RELEASE`, else the package version (as traces). */
export function errorRelease(): string {
  return env().MIRAGE_RELEASE ?? process.env.npm_package_version ?? "dev";
}
