"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { Dialog } from "@/components/ui/dialog";
import { describeRetry } from "@/lib/rate-limit/retry-wording";
import type { RegisteredProvider } from "@/lib/requests/directory";

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

function foundText(n: number): string {
  if (n === 0) return "No registered providers match";
  return n === 1 ? "1 provider found" : `${n} providers found`;
}

/** Results for `query` from /api/providers/search, debounced; stale answers are dropped. */
function useProviderSearch(query: string) {
  const [results, setResults] = useState<RegisteredProvider[]>([]);
  const [status, setStatus] = useState("");
  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_CHARS) {
      setResults([]);
      setStatus("");
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/providers/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (res.status === 429) {
          const body = (await res.json()) as { retryAfterMs: number };
          setResults([]);
          setStatus(`Too many searches. Try again ${describeRetry(body.retryAfterMs)}.`);
          return;
        }
        if (!res.ok) throw new Error(`search answered ${res.status}`);
        const body = (await res.json()) as { results: RegisteredProvider[] };
        setResults(body.results);
        setStatus(foundText(body.results.length));
      } catch {
        if (controller.signal.aborted) return;
        setResults([]);
        setStatus("The search is not available right now. Try again, or enter the NPI or Provider name.");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return { results, status };
}

/**
 * The magnifying-glass search of Request Access: a combobox (ARIA 1.2 pattern) over registered
 * providers. ArrowDown/ArrowUp move, Enter or a click chooses, Escape closes the dialog.
 */
export function ProviderSearchDialog({ onChoose, onClose }: { onChoose: (p: RegisteredProvider) => void; onClose: () => void }) {
  const ids = useId();
  const inputId = `${ids}-input`;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(-1);
  const { results, status } = useProviderSearch(query);
  const expanded = results.length > 0;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a < 0 ? (step === 1 ? 0 : results.length - 1) : (a + step + results.length) % results.length));
    } else if (e.key === "Enter") {
      // Never submit the request form underneath.
      e.preventDefault();
      const chosen = results[active];
      if (chosen) onChoose(chosen);
    }
  };

  return (
    <Dialog title="Search for a provider" onClose={onClose}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
        Search by NPI, provider name or city
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${ids}-hint`}
        className={controlClass}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          // New results: nothing is highlighted until the person moves.
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${ids}-hint`} className="mt-1 text-sm text-slate-600">
        Type at least 2 characters, then choose with the arrow keys and Enter. Providers not currently registered in the web portal will not show up in the list.
      </p>
      <p role="status" className="mt-2 min-h-5 text-sm font-medium text-slate-800">
        {status}
      </p>
      <ul id={listId} role="listbox" aria-label="Registered providers" hidden={!expanded} className="mt-2 max-h-72 overflow-y-auto rounded-md border border-slate-300">
        {results.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keep focus in the input; the click still chooses.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onChoose(p)}
            className={`cursor-pointer border-b border-slate-200 px-3 py-2 last:border-b-0 ${i === active ? "bg-brand-600 text-white" : "hover:bg-brand-50"}`}
          >
            <span className="block font-semibold">{p.name}</span>
            <span className={`block text-sm ${i === active ? "text-white" : "text-slate-700"}`}>
              NPI {p.npi}
              {p.city ? ` · ${p.city}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
