// The yearly reports of all Kontore from the default template, one file each, as a ZIP.
import { apiGet } from '$lib/server/endpoint';
import { yearlyReports } from '$lib/server/report/download';

export const GET = apiGet(({ url }, store) => yearlyReports(url, store));
