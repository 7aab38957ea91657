import { Session } from "node:inspector/promises";
import { setTimeout as sleep } from "node:timers/promises";

/** What one profile may weigh once stored; a bigger heap snapshot is dropped rather than filling the database. */
export const PROFILE_MAX_BYTES = 512 * 1024 * 1024;
/** The size of one stored piece: small enough for one INSERT, large enough that a snapshot is few rows. */
export const PROFILE_CHUNK_BYTES = 8 * 1024 * 1024;

export class ProfileTooLarge extends Error {}

export type Capture = { kind: "cpu"; durationSeconds: number } | { kind: "heap" };

/**
 * Records this process through its own inspector: `Profiler` samples for the duration (a `.cpuprofile`, as
 * Chrome DevTools reads it); `HeapProfiler` writes the heap snapshot as chunks, joined into pieces of
 * PROFILE_CHUNK_BYTES as they come. An aborted signal (the process stopping) ends a CPU profile and throws.
 */
export async function captureProfile(capture: Capture, signal: AbortSignal): Promise<Buffer[]> {
  const pieces = new Pieces();
  const session = new Session();
  session.connect();
  try {
    if (capture.kind === "cpu") {
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      const slept = await sleep(capture.durationSeconds * 1000, true, { signal }).catch(() => false);
      const { profile } = await session.post("Profiler.stop");
      await session.post("Profiler.disable");
      if (!slept) signal.throwIfAborted();
      pieces.add(JSON.stringify(profile));
    } else {
      // The inspector emits the chunks synchronously while it serializes: they can only be collected here.
      session.on("HeapProfiler.addHeapSnapshotChunk", (message) => pieces.add(message.params.chunk));
      await session.post("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    }
  } finally {
    session.disconnect();
  }
  return pieces.done();
}

/** Text in, buffers of about PROFILE_CHUNK_BYTES out; past PROFILE_MAX_BYTES it keeps counting, not storing. */
class Pieces {
  private readonly buffers: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private total = 0;

  add(text: string) {
    const bytes = Buffer.from(text);
    this.total += bytes.length;
    if (this.total > PROFILE_MAX_BYTES) return;
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    if (this.pendingSize >= PROFILE_CHUNK_BYTES) this.flush();
  }

  done(): Buffer[] {
    if (this.total > PROFILE_MAX_BYTES) throw new ProfileTooLarge();
    this.flush();
    return this.buffers;
  }

  private flush() {
    if (this.pending.length) this.buffers.push(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }
}
