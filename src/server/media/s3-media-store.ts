import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { S3Settings } from "../../env";
import { AppError } from "../errors";
import { createS3Client } from "./s3-client";
import { assertValidMediaKey, type MediaStore, type StoredMedia } from "./media-store";

/** Attachments as objects in an S3 bucket: AWS S3 or any S3-compatible server (MinIO, R2, …). */
export class S3MediaStore implements MediaStore {
  readonly client: S3Client;
  readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = createS3Client(settings);
  }

  async put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void> {
    assertValidMediaKey(key);
    await this.send("put", key, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: options.contentType,
        }),
      ),
    );
  }

  async get(key: string): Promise<StoredMedia | null> {
    assertValidMediaKey(key);
    const output = await this.send("get", key, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })),
    );
    if (!output) return null;
    const body = output.Body;
    if (!(body instanceof Readable)) {
      throw new AppError("UPSTREAM_UNAVAILABLE", UNAVAILABLE, {
        details: { operation: "get", key, body: typeof body },
      });
    }
    return { body, size: output.ContentLength ?? 0, contentType: output.ContentType };
  }

  async delete(key: string): Promise<void> {
    assertValidMediaKey(key);
    await this.send("delete", key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** Runs one call; a missing object is null, any other failure an AppError people can read. */
  private async send<T>(operation: string, key: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const name = (error as { name?: string }).name;
      if (operation === "get" && (status === 404 || name === "NoSuchKey" || name === "NotFound")) return null;
      throw new AppError("UPSTREAM_UNAVAILABLE", UNAVAILABLE, {
        cause: error,
        details: { operation, key, bucket: this.bucket, status, error: name },
      });
    }
  }
}

const UNAVAILABLE = "mediaStoreUnavailable";
