import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaProps, KontorProps } from '$lib/data/contracts';
import { parseLocale } from '$lib/state/i18n';
import type { PageLoad } from './$types';

export type StadtteilProps = AreaProps & Record<string, unknown>;

export const load: PageLoad = async ({ fetch, url }) => {
	const get = async <T>(path: string): Promise<T> => {
		const res = await fetch(path);
		if (!res.ok) throw new Error(`${path}: ${res.status}`);
		return res.json();
	};
	const [stadtteile, ortschaften, kontore, context] = await Promise.all([
		get<FeatureCollection<Polygon | MultiPolygon, StadtteilProps>>('/api/areas?level=stadtteil&indicators=einwohner,flaeche,einwohnerdichte'),
		get<FeatureCollection<Polygon | MultiPolygon, AreaProps>>('/api/areas?level=ortschaft'),
		get<FeatureCollection<Point, KontorProps>>('/api/kontore'),
		get<FeatureCollection<Polygon | MultiPolygon, { id: string; name: string; kind: string }>>('/api/context')
	]);
	return { stadtteile, ortschaften, kontore, context, locale: parseLocale(url.searchParams.get('lang')) };
};
