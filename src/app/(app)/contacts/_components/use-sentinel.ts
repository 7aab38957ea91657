"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether an element at the end of a list is within `margin` of the viewport. Kept as state: a page
 * that loads and still leaves the sentinel visible asks for the next one.
 */
export function useSentinel(sentinel: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const target = sentinel.current;
    if (!enabled || !target) return;
    const observer = new IntersectionObserver(([entry]) => setVisible(!!entry?.isIntersecting), {
      rootMargin: "0px 0px 600px 0px",
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [sentinel, enabled]);
  return enabled && visible;
}
