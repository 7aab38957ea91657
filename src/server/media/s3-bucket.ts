import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { S3Settings } from "../../env";
import { AppError } from "../errors";
import { createS3Client } from "./s3-client";

export interface ListedObject {
  key: string;
  size: number;
  /** As S3 sends it, quotes removed: the MD5 of a single-part object, `<md5>-<parts>` of a multipart one. */
  etag: string;
}

/** Parts of a multipart upload: S3's minimum is 5 MiB; larger parts mean fewer requests for a database dump. */
const PART_BYTES = 16 * 1024 * 1024;

/** Whole-bucket operations for backups: paged listing, streamed download and upload of files. */
export class S3Bucket {
  readonly client: S3Client;
  readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = createS3Client(settings);
  }

  /** Every object under `prefix`, following ListObjectsV2's continuation tokens. */
  async *list(prefix: string): AsyncGenerator<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.call("list", prefix, () =>
        this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token })),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield { key: object.Key, size: object.Size ?? 0, etag: unquote(object.ETag) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** The "folders" right under `prefix` (names ending in `/`), paged like `list`. */
  async listFolders(prefix: string): Promise<string[]> {
    const folders: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call("list", prefix, () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: "/", ContinuationToken: token }),
        ),
      );
      for (const folder of page.CommonPrefixes ?? []) if (folder.Prefix) folders.push(folder.Prefix);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return folders;
  }

  /** Size and ETag of `key`, or null when there is no such object. */
  async head(key: string): Promise<{ size: number; etag: string } | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, etag: unquote(head.ETag) };
    } catch (error) {
      if (status(error) === 404) return null;
      throw this.failure("head", key, error);
    }
  }

  /** Streams `key` into the file `target`; returns what S3 said about it. */
  async download(key: string, target: string): Promise<{ size: number; contentType?: string }> {
    const output = await this.call("get", key, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (!(output.Body instanceof Readable)) throw this.failure("get", key, new Error("no body stream"));
    await pipeline(output.Body, createWriteStream(target, { mode: 0o600 }));
    return { size: output.ContentLength ?? 0, contentType: output.ContentType };
  }

  /** Streams the file `source` to `key`, in parts when it is larger than one part. */
  async upload(source: string, key: string, contentType?: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: createReadStream(source), ContentType: contentType },
      partSize: PART_BYTES,
      queueSize: 2,
    });
    await this.call("put", key, () => upload.done());
  }

  async delete(key: string): Promise<void> {
    await this.call("delete", key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  private async call<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.failure(operation, key, error);
    }
  }

  private failure(operation: string, key: string, error: unknown): AppError {
    if (error instanceof AppError) return error;
    return new AppError("UPSTREAM_UNAVAILABLE", "backupStorageUnavailable", {
      cause: error,
      params: { bucket: this.bucket },
      details: { operation, key, status: status(error), error: (error as { name?: string }).name },
    });
  }
}

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function unquote(etag: string | undefined): string {
  return (etag ?? "").replaceAll('"', "");
}
