import type { ImportPreview } from "../types";

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
      const body = request.response as (ImportPreview & { error?: string }) | null;
      if (request.status === 200 && body && !body.error) resolve(body);
      else reject(new Error(body?.error ?? fallbackError));
    };
    request.onerror = () => reject(new Error(fallbackError));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}
