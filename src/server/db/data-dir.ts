import { accessSync, constants, mkdirSync } from "node:fs";

export class DataDirError extends Error {}

/** Creates the data directory if needed and checks it can be written, with a message saying how to fix it. */
export function ensureWritableDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new DataDirError(
      `Data directory ${dir} is not writable. Fix its permissions or set MIRAGE_DATA_DIR to a writable folder.`,
    );
  }
}
