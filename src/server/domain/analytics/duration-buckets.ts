/**
 * Fixed duration buckets (seconds) for first response and resolution times. Rollups keep counts per
 * bucket, so percentiles over any period come from summed buckets, never from averages of averages.
 * Bucket i holds [BOUNDS[i-1], BOUNDS[i]); bucket 0 is below the first bound, the last is open-ended.
 * Same convention as PostgreSQL's width_bucket(value, BOUNDS).
 */
export const DURATION_BOUNDS = [
  30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800,
] as const;

export const BUCKET_COUNT = DURATION_BOUNDS.length + 1;

export function bucketOf(seconds: number): number {
  let bucket = 0;
  while (bucket < DURATION_BOUNDS.length && seconds >= DURATION_BOUNDS[bucket]!) bucket++;
  return bucket;
}

/**
 * The q-quantile (0..1) of a histogram, interpolated linearly inside its bucket; the open-ended last
 * bucket answers its lower bound. Null for an empty histogram.
 */
export function percentileOf(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    const inBucket = histogram[bucket] ?? 0;
    if (inBucket === 0 || seen + inBucket < rank) {
      seen += inBucket;
      continue;
    }
    const lower = bucket === 0 ? 0 : DURATION_BOUNDS[bucket - 1]!;
    const upper = DURATION_BOUNDS[bucket];
    if (upper === undefined) return lower;
    return lower + ((upper - lower) * (rank - seen)) / inBucket;
  }
  return DURATION_BOUNDS[DURATION_BOUNDS.length - 1]!;
}

export function emptyHistogram(): number[] {
  return Array.from({ length: BUCKET_COUNT }, () => 0);
}
