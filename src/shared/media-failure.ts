/** Why a message's attachment is not there (codes; the UI words them). */
export const mediaFailures = [
  /** Evolution would not hand the bytes over (expired on WhatsApp's servers, deleted, not media). */
  "provider_refused",
  /** Anything else that stopped the download. */
  "download_failed",
  /** Larger than MEDIA_MAX_BYTES. */
  "too_large",
  "empty",
] as const;
export type MediaFailure = (typeof mediaFailures)[number];

/** A download may be asked for again; a file refused for its size or emptiness would be refused again. */
export function isRetryableMediaFailure(failure: MediaFailure): boolean {
  return failure === "provider_refused" || failure === "download_failed";
}

export function mediaFailureOf(value: string | null): MediaFailure | null {
  if (value === null) return null;
  return (mediaFailures as readonly string[]).includes(value) ? (value as MediaFailure) : "download_failed";
}
