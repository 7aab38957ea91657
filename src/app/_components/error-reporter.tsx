"use client";

import { useEffect } from "react";
import { reportBrowserError } from "./report-browser-error";

/** Reports what no error boundary caught: script errors and promise rejections nobody handled. */
export function ErrorReporter() {
  useEffect(() => {
    const onError = (event: ErrorEvent) => reportBrowserError("error", event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => reportBrowserError("unhandledrejection", event.reason);
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  }, []);
  return null;
}
