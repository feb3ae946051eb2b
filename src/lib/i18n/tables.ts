// The section `tables` in both languages: the column-mapping step of the table import. A module of
// its own, so that only the admin's import page bundles it.
import { tables as de } from './de/tables';
import { tables as en } from './en/tables';

export const tables = { de, en };
export type TablesKey = keyof typeof de;
