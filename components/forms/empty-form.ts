/** Empties every field of a form (a Reset that clears, rather than going back to the values the page was rendered with). */
export function emptyForm(form: HTMLFormElement) {
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = false;
      else if (el.type !== "hidden" && el.type !== "submit" && el.type !== "button" && el.type !== "reset") el.value = "";
    } else if (el instanceof HTMLTextAreaElement) el.value = "";
    else if (el instanceof HTMLSelectElement) el.selectedIndex = 0;
  }
}
