"use client";

import { ErrorFallback } from "../_components/error-fallback";

export default ErrorFallback;
