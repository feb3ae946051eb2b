// The section `oidc` in both languages: single sign-on on the login page. A module of its own, so
// that only the login page and the OIDC routes bundle it.
import { oidc as de } from './de/oidc';
import { oidc as en } from './en/oidc';

export const oidc = { de, en };
export type OidcKey = keyof typeof de;
