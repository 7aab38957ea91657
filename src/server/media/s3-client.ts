import { S3Client } from "@aws-sdk/client-s3";
import type { S3Settings } from "../../env";

/** An S3 client for AWS S3 or any S3-compatible server (MinIO, R2, …), as the media store and backups use it. */
export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The SDK's default CRC32 checksums (trailers, x-amz-checksum-*) are not understood by every
    // S3-compatible server; SigV4 already covers the payload hash.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}
