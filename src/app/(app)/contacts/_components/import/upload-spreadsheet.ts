import { z } from "~/shared/zod";
import { importPreviewSchema, type ImportPreview } from "~/shared/schemas/contacts";

/** Sends the file to the upload route with progress (fetch cannot report upload progress). */
export function uploadSpreadsheet(
  file: File,
  onProgress: (fraction: number) => void,
  fallbackError: string,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/contacts/import");
    request.responseType = "json";
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const body: unknown = request.response;
      const preview = request.status === 200 ? importPreviewSchema.safeParse(body) : null;
      if (preview?.success) resolve(preview.data);
      else reject(new Error(errorOf(body) ?? fallbackError));
    };
    request.onerror = () => reject(new Error(fallbackError));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

const errorBody = z.object({ error: z.string() });

function errorOf(body: unknown): string | null {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
