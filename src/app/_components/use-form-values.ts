"use client";

import { useCallback, useState } from "react";

/**
 * Form state with a field setter. Call it with the value already read (`e.currentTarget.value`):
 * React clears `currentTarget` once the handler returns, before a state updater runs.
 */
export function useFormValues<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const setField = useCallback(
    <K extends keyof T>(field: K, value: T[K]) => setValues((v) => ({ ...v, [field]: value })),
    [],
  );
  return { values, setValues, setField };
}
