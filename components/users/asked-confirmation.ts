/**
 * The confirmation a Manage Users tab's address asks for (`?confirm=KEY&id=ID`): a row button used
 * without JavaScript goes there, and the page renders that question open. Read by the pages (on
 * the server) and by RowAction.
 */
export type AskedConfirmation = { key: string; id: string } | null;

export function askedConfirmation(search: { confirm?: string | string[]; id?: string | string[] }): AskedConfirmation {
  return typeof search.confirm === "string" && typeof search.id === "string" ? { key: search.confirm, id: search.id } : null;
}
