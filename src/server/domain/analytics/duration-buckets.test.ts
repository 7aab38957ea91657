import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, DURATION_BOUNDS, emptyHistogram, percentileOf } from "./duration-buckets";

describe("duration buckets", () => {
  it("put a value in the bucket whose bounds hold it, like width_bucket", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(29.9)).toBe(0);
    expect(bucketOf(30)).toBe(1);
    expect(bucketOf(604800)).toBe(DURATION_BOUNDS.length);
  });

  it("answer percentiles inside the bucket that holds them", () => {
    expect(percentileOf(emptyHistogram(), 0.5)).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const histogram = emptyHistogram();
          for (const value of values) histogram[bucketOf(value)]! += 1;
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
          const estimate = percentileOf(histogram, q)!;
          const bucket = bucketOf(exact);
          const lower = bucket === 0 ? 0 : DURATION_BOUNDS[bucket - 1]!;
          const upper = DURATION_BOUNDS[bucket] ?? Infinity;
          expect(estimate).toBeGreaterThanOrEqual(lower);
          expect(estimate).toBeLessThanOrEqual(upper);
        },
      ),
    );
  });
});
