// The report of the definition in the query (as /bericht writes it) as a PDF.
import { apiGet } from '$lib/server/endpoint';
import { reportFile } from '$lib/server/report/download';

export const GET = apiGet(({ url, request }, store) => reportFile('pdf', url, request, store));
