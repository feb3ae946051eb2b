// The report of the definition in the query (as /bericht writes it) as a Word file.
import { apiGet } from '$lib/server/endpoint';
import { reportFile } from '$lib/server/report/download';

export const GET = apiGet(({ url, request }, store) => reportFile('docx', url, request, store));
