"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during server render and while React hydrates the server's HTML; true once the page is
 * hydrated, and from the first render of anything mounted after that (a dialog opened by a click
 * renders its final form at once, without a second pass).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
