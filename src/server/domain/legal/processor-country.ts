/** Where well-known AI APIs process data (ISO 3166-1 alpha-2), by host suffix. */
const knownHosts: [suffix: string, country: string][] = [
  ["api.openai.com", "US"],
  ["openai.azure.com", "US"],
  ["api.anthropic.com", "US"],
  ["generativelanguage.googleapis.com", "US"],
  ["api.groq.com", "US"],
  ["api.together.xyz", "US"],
  ["openrouter.ai", "US"],
  ["api.mistral.ai", "FR"],
  ["api.deepseek.com", "CN"],
  ["dashscope.aliyuncs.com", "CN"],
];

function isLocalHost(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".local") ||
    host.endsWith(".internal") ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host === "::1" ||
    host === "[::1]"
  );
}

/**
 * Where a processor reached at `url` is: `local` for this machine or its network (no transfer), a country
 * for a known service, `unknown` otherwise (the record asks the organization to confirm it).
 */
export function processorLocation(url: string): { host: string; country: string } {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return { host: url, country: "unknown" };
  }
  if (isLocalHost(host)) return { host, country: "local" };
  const known = knownHosts.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`));
  return { host, country: known?.[1] ?? "unknown" };
}

/** Res. 19/2024: data leaving Brazil is an international transfer; an unknown location is flagged too. */
export function isInternationalTransfer(country: string): boolean {
  return country !== "local" && country !== "BR";
}
