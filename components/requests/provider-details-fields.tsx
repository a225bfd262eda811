"use client";

import { lazy, Suspense, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { RegisteredProvider } from "@/lib/requests/directory";

// Loaded on first use: most people type the NPI, and the page's first load stays light.
const ProviderSearchDialog = lazy(() => import("./provider-search-dialog").then((m) => ({ default: m.ProviderSearchDialog })));

const SEARCH_BUTTON_ID = "provider-search-button";

function MagnifyingGlass() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

export interface ProviderDetails {
  npi: string;
  providerName: string;
  /** Set when the provider was chosen from the search dialog. */
  providerId: string;
}

/**
 * NPI or Provider Details: type the NPI or the Provider name, or choose from the search dialog
 * (which sets the hidden providerId). Editing either field after choosing drops the choice.
 * The search needs JavaScript, so without it the magnifier is not offered and the hint says to
 * type the NPI or the name (the server finds the provider from either).
 */
export function ProviderDetailsFields({
  details,
  onChange,
  errors,
  selected,
  onSelect,
}: {
  details: ProviderDetails;
  onChange: (details: ProviderDetails) => void;
  errors: Record<string, string | undefined>;
  selected: RegisteredProvider | null;
  onSelect: (provider: RegisteredProvider | null) => void;
}) {
  const [searching, setSearching] = useState(false);
  const hydrated = useHydrated();
  const type = (field: "npi" | "providerName", value: string) => {
    onChange({ ...details, [field]: value, providerId: "" });
    if (selected) onSelect(null);
  };
  return (
    <>
      <p id="provider-details-hint" className="mb-3 text-sm text-slate-600">
        {hydrated ? "Enter the NPI, search for the provider, or enter the Provider name." : "Enter the NPI or the Provider name."}
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <div className="flex items-start gap-2">
          <TextField
            id="npi"
            name="npi"
            label="NPI"
            className="mb-4 flex-1"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            value={details.npi}
            onChange={(e) => type("npi", e.target.value)}
            error={errors.npi}
            aria-describedby="provider-details-hint"
          />
          {hydrated ? (
            <Button
              id={SEARCH_BUTTON_ID}
              variant="secondary"
              className="mt-6 h-[42px] w-[42px] shrink-0 px-0!"
              aria-label="Search for a provider"
              aria-haspopup="dialog"
              aria-describedby="provider-search-note"
              title="Search for a provider"
              onClick={() => setSearching(true)}
            >
              <MagnifyingGlass />
            </Button>
          ) : null}
        </div>
        <TextField
          id="providerName"
          name="providerName"
          label="Provider name"
          autoComplete="off"
          maxLength={200}
          value={details.providerName}
          onChange={(e) => type("providerName", e.target.value)}
          error={errors.providerName}
          aria-describedby="provider-details-hint"
        />
      </div>
      <input type="hidden" name="providerId" value={details.providerId} />
      <p id="provider-search-note" className="mb-3 text-sm text-slate-600">
        {hydrated ? "Providers not currently registered in the web portal will not show up in the list." : "Only providers registered in the web portal can receive requests."}
      </p>
      <div aria-live="polite">
        {selected ? (
          <p className="mb-4 flex flex-wrap items-center gap-x-3 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
            <span>
              Selected: <strong>{selected.name}</strong> (NPI {selected.npi})
            </span>
            <Button
              variant="link"
              onClick={() => {
                onSelect(null);
                onChange({ npi: "", providerName: "", providerId: "" });
                document.getElementById(SEARCH_BUTTON_ID)?.focus();
              }}
            >
              Clear selection
            </Button>
          </p>
        ) : null}
      </div>
      {searching ? (
        <Suspense fallback={null}>
          <ProviderSearchDialog
            onClose={() => setSearching(false)}
            onChoose={(p) => {
              onSelect(p);
              onChange({ npi: p.npi, providerName: p.name, providerId: p.id });
              setSearching(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
