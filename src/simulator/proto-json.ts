/**
 * How Evolution 2.3.6 serialises protobuf fields inside `message` (`deserializeMessageBuffers`, contract §12):
 * byte buffers become `Uint8Array`, which JSON-encodes as `{"0":12,"1":250,...}`, and 64-bit Longs stay plain
 * `{low, high, unsigned}` objects.
 */
export type BytesJson = Record<string, number>;
export interface LongJson {
  low: number;
  high: number;
  unsigned: boolean;
}

export const bytesJson = (bytes: Uint8Array): BytesJson =>
  Object.fromEntries(Array.from(bytes, (byte, index) => [String(index), byte]));

/** `Long.fromNumber(value, unsigned)` as plain fields. */
export const longJson = (value: number, unsigned: boolean): LongJson => ({
  low: value | 0,
  high: Math.floor(value / 2 ** 32) | 0,
  unsigned,
});
