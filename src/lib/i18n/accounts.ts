// The section `accounts` in both languages: roles, sign-in and sign-out, the account administration
// (/admin/konten) and its refusals. A module of its own, so that only the pages using it bundle it.
import { accounts as de } from './de/accounts';
import { accounts as en } from './en/accounts';

export const accounts = { de, en };
export type AccountsKey = keyof typeof de;
