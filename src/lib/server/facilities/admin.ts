// The admin's ways of changing the register, each becoming a preview like an import
// (previewFileEdit): a city's register uploaded as CSV or GeoJSON (checked row by row first, so
// problems name the Excel row and column), one facility saved or removed, a type added.
import proj4 from 'proj4';
import { DatasetMeta, sidecarOf, sidecarText } from '$lib/data/contracts';
import type { DataProblem } from '$lib/data/problems';
import { geojsonCandidates } from '$lib/data/stages/facilities';
import { checkFacilities, type Candidate, type CheckContext } from '$lib/facilities/checks';
import { FACILITY_FILES, FacilitySourceProps, FacilityType, FacilityTypeCatalogue } from '$lib/facilities/contracts';
import { registerCandidates } from '$lib/facilities/csv';
import { importedMeta, mergeRegister, registerDiff, registerText, sourceFacilities, type RegisterDiff, type SourceFacility } from '$lib/facilities/edit';
import { decodeText } from '$lib/import/decode';
import { currentFiles } from '../db/current';
import { previewFileEdit, type Preview } from '../importer';
import { getStore, type Store } from '../store';

export type FacilityPreview = { ok: false; problems: DataProblem[] } | { ok: true; preview: Preview; register: RegisterDiff };

export function checkContext(store: Store, types = store.derived.facilityTypes): CheckContext {
	return {
		types,
		kontorIds: store.derived.kontore.features.map((k) => k.properties.id),
		city: store.areasByLevel.stadt[0].geometry,
		stadtteile: store.areasByLevel[store.finest].map((f) => ({ id: f.properties.id, geometry: f.geometry, labelPoint: f.properties.labelPoint }))
	};
}

async function currentSidecar(): Promise<DatasetMeta | null> {
	const text = (await currentFiles()).files.get(sidecarOf(FACILITY_FILES.facilities));
	if (!text) return null;
	const parsed = DatasetMeta.safeParse(JSON.parse(text));
	return parsed.success ? parsed.data : null;
}

/** The register after a change, checked as a whole; problems only where `mine` says they are the change's own. */
async function previewRegister(
	store: Store,
	next: Candidate[],
	mine: (p: DataProblem) => boolean,
	edit: { kind: 'import-facilities' | 'edit-facilities'; summary: string; label: string; sidecar?: DatasetMeta },
	user: string
): Promise<FacilityPreview> {
	const { problems } = checkFacilities(next, checkContext(store));
	const own = problems.filter(mine);
	if (own.length) return { ok: false, problems: own };
	const before = sourceFacilities(store.derived.facilities);
	const after: SourceFacility[] = next.map((c) => ({ position: c.position, props: c.props }));
	const set: Record<string, string> = { [FACILITY_FILES.facilities]: registerText(after) };
	if (edit.sidecar) set[sidecarOf(FACILITY_FILES.facilities)] = sidecarText(edit.sidecar);
	const result = await previewFileEdit({ kind: edit.kind, summary: edit.summary, set }, edit.label, user);
	if (!result.ok) return result;
	return { ok: true, preview: result.preview, register: registerDiff(before, after) };
}

const existing = (store: Store): Candidate[] =>
	sourceFacilities(store.derived.facilities).map((f) => ({
		where: { file: FACILITY_FILES.facilities, feature: f.props.id },
		position: f.position,
		props: f.props
	}));

const utm = proj4('+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs', 'EPSG:4326');

/** A GeoJSON register in EPSG:25832 (named in its `crs`, as QGIS writes it) is converted to WGS84 first. */
function wgs84Text(text: string): string {
	let data: { crs?: { properties?: { name?: string } }; features?: { geometry?: { type?: string; coordinates?: number[] } }[] };
	try {
		data = JSON.parse(text);
	} catch {
		return text;
	}
	if (!/25832/.test(data?.crs?.properties?.name ?? '') || !Array.isArray(data.features)) return text;
	for (const f of data.features) {
		const c = f?.geometry?.coordinates;
		if (f?.geometry?.type === 'Point' && Array.isArray(c) && c.length >= 2) {
			const [lon, lat] = utm.forward([c[0], c[1]]);
			f.geometry.coordinates = [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
		}
	}
	delete data.crs;
	return JSON.stringify(data);
}

export interface RegisterUpload {
	bytes: Uint8Array;
	name: string;
	source: string;
	licence: string;
	mode: 'merge' | 'replace';
	user: string;
}

export async function previewRegisterImport(u: RegisterUpload): Promise<FacilityPreview> {
	const store = getStore();
	const file = u.name.replace(/^.*[\\/]/, '').slice(0, 100) || 'upload';
	const decoded = decodeText(u.bytes, file);
	if (!decoded.ok) return { ok: false, problems: decoded.problems };
	const date = new Date().toISOString().slice(0, 10);
	const kontorIds = store.derived.kontore.features.map((k) => k.properties.id);
	const isGeojson = /\.(geo)?json$/i.test(file) || /^\s*\{/.test(decoded.text);
	let read: { candidates: Candidate[]; problems: DataProblem[]; columns?: Record<string, string> };
	if (isGeojson) read = geojsonCandidates(wgs84Text(decoded.text), file, { source: u.source, asOf: date, types: store.derived.facilityTypes });
	else
		read = registerCandidates(decoded.text, file, store.derived.facilityTypes, {
			source: u.source,
			asOf: date,
			kontorIds,
			office: store.profile.office.de.singular
		});
	const current = existing(store);
	const columns = read.columns ?? {};
	const named = (ps: DataProblem[]) => ps.map((p) => (p.field && columns[p.field] ? { ...p, field: columns[p.field] } : p));
	if (read.problems.length) {
		// The rows that did read are checked too, so that one round shows every problem.
		const others = u.mode === 'merge' ? current.filter((c) => !read.candidates.some((r) => r.props.id === c.props.id)) : [];
		const checked = checkFacilities([...others, ...read.candidates], checkContext(store)).problems.filter((p) => p.file === file);
		const all = [...read.problems, ...named(checked)];
		return { ok: false, problems: all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
	}
	const merged = mergeRegister(
		current.map((c) => ({ position: c.position, props: c.props })),
		read.candidates.map((c) => ({ position: c.position, props: c.props })),
		u.mode
	);
	const fromUpload = new Map(read.candidates.map((c) => [c.props.id, c]));
	const next = merged.map((f) => fromUpload.get(f.props.id) ?? current.find((c) => c.props.id === f.props.id)!);
	const sidecar = importedMeta(await currentSidecar(), merged, { file, source: u.source, licence: u.licence, date });
	const result = await previewRegister(
		store,
		next,
		(p) => p.file === file,
		{ kind: 'import-facilities', summary: `Einrichtungen aus ${file} (${u.mode === 'replace' ? 'ersetzt' : 'ergänzt'})`, label: file, sidecar },
		u.user
	);
	if (!result.ok) return { ok: false, problems: named(result.problems) };
	return result;
}

/** One facility as the edit form gives it: new (no `previous`) or replacing the one with id `previous`. */
export async function previewFacilitySave(input: unknown, position: [number, number], previous: string | null, user: string): Promise<FacilityPreview> {
	const store = getStore();
	const label = 'Formular';
	const props = FacilitySourceProps.safeParse(input);
	if (!props.success)
		return { ok: false, problems: props.error.issues.map((i) => ({ file: label, field: i.path.join('.'), key: 'data.zod.invalid' as const })) };
	const current = existing(store);
	if (previous !== null && !current.some((c) => c.props.id === previous))
		return { ok: false, problems: [{ file: label, field: 'id', value: previous, key: 'data.zod.invalid' }] };
	const mine: Candidate = { where: { file: label }, position, props: props.data };
	const next = previous === null ? [...current, mine] : current.map((c) => (c.props.id === previous ? mine : c));
	const summary = previous === null ? `Einrichtung ${props.data.name} angelegt` : `Einrichtung ${props.data.name} bearbeitet`;
	return previewRegister(store, next, (p) => p.file === label, { kind: 'edit-facilities', summary, label }, user);
}

export async function previewFacilityRemove(id: string, user: string): Promise<FacilityPreview> {
	const store = getStore();
	const current = existing(store);
	const gone = current.find((c) => c.props.id === id);
	if (!gone) return { ok: false, problems: [{ file: 'Formular', field: 'id', value: id, key: 'data.zod.invalid' }] };
	const next = current.filter((c) => c !== gone);
	return previewRegister(store, next, () => false, { kind: 'edit-facilities', summary: `Einrichtung ${gone.props.name} entfernt`, label: 'Formular' }, user);
}

/** A new type joins the catalogue (einrichtungstypen.json); the pipeline checks its target group. */
export async function previewTypeAdd(input: unknown, user: string): Promise<FacilityPreview> {
	const store = getStore();
	const label = 'Formular';
	const type = FacilityType.safeParse(input);
	if (!type.success) return { ok: false, problems: type.error.issues.map((i) => ({ file: label, field: i.path.join('.'), key: 'data.zod.invalid' as const })) };
	if (store.derived.facilityTypes.some((t) => t.id === type.data.id))
		return { ok: false, problems: [{ file: label, field: 'id', value: type.data.id, key: 'fac.typeTwice', params: { id: type.data.id } }] };
	const catalogue = FacilityTypeCatalogue.parse([...store.derived.facilityTypes, type.data]);
	const result = await previewFileEdit(
		{
			kind: 'edit-facilities',
			summary: `Einrichtungstyp ${type.data.label.de} hinzugefügt`,
			set: { [FACILITY_FILES.types]: JSON.stringify(catalogue, null, '\t') + '\n' }
		},
		label,
		user
	);
	if (!result.ok) return result;
	return { ok: true, preview: result.preview, register: { added: [], changed: [], removed: [] } };
}
