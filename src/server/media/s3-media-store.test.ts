import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { S3Settings } from "../../env";
import { mediaKey } from "./media-key";
import { S3MediaStore } from "./s3-media-store";

const ACCESS_KEY = "AKIAMIRAGETEST";
const SECRET = "mirage-test-secret-key";
const REGION = "us-east-1";
const BUCKET = "mirage-media";

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  signatureValid: boolean;
}

/**
 * Just enough of S3 for the store: path-style PutObject, GetObject and DeleteObject on one bucket,
 * refusing any request whose AWS Signature V4 does not check out against the test credentials.
 */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; contentType?: string }>();
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await buffer(req);
    const signatureValid = verifySignature(req, body);
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, signatureValid });
    const xmlError = (status: number, code: string) => {
      res.writeHead(status, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    };
    if (!signatureValid) return xmlError(403, "SignatureDoesNotMatch");
    const url = new URL(req.url!, "http://s3.test");
    const prefix = `/${BUCKET}/`;
    if (!url.pathname.startsWith(prefix)) return xmlError(404, "NoSuchBucket");
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    if (req.method === "PUT") {
      objects.set(key, { body, contentType: req.headers["content-type"] });
      res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
      return res.end();
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) return xmlError(404, "NoSuchKey");
      res.writeHead(200, {
        "content-length": object.body.length,
        ...(object.contentType ? { "content-type": object.contentType } : {}),
      });
      return res.end(object.body);
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    xmlError(405, "MethodNotAllowed");
  });
  return { server, objects, requests };
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** Recomputes the request's AWS Signature Version 4 with the test secret (path-style, safe keys). */
function verifySignature(req: IncomingMessage, body: Buffer): boolean {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? "",
    );
  if (!match) return false;
  const [, accessKey, date, region, signedHeaders, signature] = match;
  const amzDate = req.headers["x-amz-date"] as string;
  const payloadHash = req.headers["x-amz-content-sha256"] as string;
  if (accessKey !== ACCESS_KEY || !amzDate?.startsWith(date!)) return false;
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return false;
  const url = new URL(req.url!, "http://s3.test");
  const query = [...url.searchParams]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headers = signedHeaders!
    .split(";")
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonicalRequest = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), "s3"), "aws4_request");
  return createHmac("sha256", signingKey).update(stringToSign).digest("hex") === signature;
}

describe("S3 media store", () => {
  const s3 = fakeS3();
  let settings: S3Settings;

  beforeAll(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, "127.0.0.1", resolve));
    const { port } = s3.server.address() as AddressInfo;
    settings = {
      endpoint: `http://127.0.0.1:${port}`,
      region: REGION,
      bucket: BUCKET,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      forcePathStyle: true,
    };
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));
  beforeEach(() => {
    s3.requests.length = 0;
  });

  it("puts and gets the bytes back over signed path-style requests", async () => {
    const store = new S3MediaStore(settings);
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const key = mediaKey("org1", bytes);
    await store.put(key, bytes, { contentType: "video/mp4" });

    expect(s3.objects.get(key)?.body.equals(bytes)).toBe(true);
    const stored = await store.get(key);
    expect(stored).not.toBeNull();
    expect(stored!.size).toBe(bytes.length);
    expect(stored!.contentType).toBe("video/mp4");
    expect((await buffer(stored!.body)).equals(bytes)).toBe(true);

    expect(s3.requests.map((r) => [r.method, new URL(r.url, "http://x").pathname])).toEqual([
      ["PUT", `/${BUCKET}/${key}`],
      ["GET", `/${BUCKET}/${key}`],
    ]);
    for (const request of s3.requests) {
      expect(request.headers.authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/${REGION}/s3/aws4_request, `),
      );
      expect(request.signatureValid).toBe(true);
    }
  });

  it("answers null for a missing object", async () => {
    const store = new S3MediaStore(settings);
    expect(await store.get("org1/missing")).toBeNull();
  });

  it("deletes", async () => {
    const store = new S3MediaStore(settings);
    await store.put("org1/gone", Buffer.from("x"), { contentType: "text/plain" });
    await store.delete("org1/gone");
    expect(s3.objects.has("org1/gone")).toBe(false);
    expect(await store.get("org1/gone")).toBeNull();
  });

  it("turns a refusal into an AppError people can read", async () => {
    const store = new S3MediaStore({ ...settings, secretAccessKey: "wrong" });
    await expect(store.put("org1/x", Buffer.from("x"), { contentType: "text/plain" })).rejects.toMatchObject({
      name: "AppError",
      code: "UPSTREAM_UNAVAILABLE",
      reason: "mediaStoreUnavailable",
      details: { operation: "put", key: "org1/x", status: 403, error: "SignatureDoesNotMatch" },
    });
    await expect(store.get("org1/x")).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(s3.requests.every((r) => !r.signatureValid)).toBe(true);
    expect(s3.objects.has("org1/x")).toBe(false);
  });

  it("refuses unsafe keys before any request", async () => {
    const store = new S3MediaStore(settings);
    await expect(store.put("../x", Buffer.from("x"), { contentType: "text/plain" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(store.get("/x")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(s3.requests).toEqual([]);
  });
});
