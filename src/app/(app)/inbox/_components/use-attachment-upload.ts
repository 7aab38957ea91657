"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { codedErrorOf, useErrorWording } from "~/trpc/errors";

export interface UploadedFile {
  key: string;
  mimeType: string;
  fileName: string;
  size: number;
}

export interface AttachmentState {
  file: File;
  /** 0–1. */
  progress: number;
  uploaded: UploadedFile | null;
  error: string | null;
}

/**
 * Uploads a composer attachment to `/api/media/upload` as soon as it is chosen (XMLHttpRequest, for
 * the progress that fetch cannot report); the reply then refers to it by key.
 */
export function useAttachmentUpload(messages: { failed: string }) {
  const [state, setState] = useState<AttachmentState | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const failed = messages.failed;
  const { messageOf } = useErrorWording();

  const upload = useCallback(
    (file: File) => {
      request.current?.abort();
      const xhr = new XMLHttpRequest();
      request.current = xhr;
      const update = (patch: Partial<AttachmentState>) =>
        setState((current) => (current?.file === file ? { ...current, ...patch } : current));
      setState({ file, progress: 0, uploaded: null, error: null });
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) update({ progress: event.loaded / event.total });
      };
      xhr.onload = () => {
        let body: Partial<UploadedFile> & { reason?: string; params?: Record<string, string | number> } = {};
        try {
          body = JSON.parse(xhr.responseText) as typeof body;
        } catch {
          // A proxy's HTML error page: the generic message below.
        }
        if (xhr.status < 300 && body.key && body.mimeType && body.fileName && body.size)
          update({ progress: 1, uploaded: body as UploadedFile });
        else update({ error: codedErrorOf(body) ? messageOf(body, failed) : failed });
      };
      xhr.onerror = () => update({ error: failed });
      const form = new FormData();
      form.append("file", file);
      xhr.open("POST", "/api/media/upload");
      xhr.send(form);
    },
    [failed, messageOf],
  );

  const clear = useCallback(() => {
    request.current?.abort();
    request.current = null;
    setState(null);
  }, []);

  useEffect(() => () => request.current?.abort(), []);

  return { attachment: state, upload, clear };
}
