"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether an element (a sentinel at the end of a scrolled list) is within `margin` of the scroller's
 * visible area. Kept as state rather than fired once: a page that loads and still leaves the sentinel
 * visible asks for the next one, which an observer alone would not report again.
 */
export function useSentinel(
  scroller: RefObject<HTMLElement | null>,
  sentinel: RefObject<HTMLElement | null>,
  margin: string,
  enabled: boolean,
): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const target = sentinel.current;
    if (!enabled || !target) return;
    const observer = new IntersectionObserver(([entry]) => setVisible(!!entry?.isIntersecting), {
      root: scroller.current,
      rootMargin: margin,
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [scroller, sentinel, margin, enabled]);
  return enabled && visible;
}
