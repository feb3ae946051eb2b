// Plain German HTML for the OGC API (requirement class html): one small page per resource, with
// breadcrumbs, tables with headers and captions, links to the JSON alternate, and no external
// resources or scripts (the page carries its own strict CSP).
import type { Store } from '../store';
import { COLLECTIONS, prepare, type OgcCollection } from './collections';
import { CONFORMANCE, serviceDescription, TITLE } from './documents';
import type { OgcError } from './exception';
import { translator, type Locale } from '$lib/i18n';
import { ogc } from '$lib/i18n/ogc';
import type { Page } from './items';
import { pageUrl } from './items';
import type { FlatFeature, PropertyDef } from './properties';

export const HTML_CSP = "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

const nf = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });
function show(v: unknown): string {
	if (v === null || v === undefined || v === '') return '<span class="na">keine Angabe</span>';
	if (typeof v === 'number') return esc(nf.format(v));
	if (typeof v === 'boolean') return v ? 'ja' : 'nein';
	return esc(v);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1a1a1a}
a{color:#0b57a4}nav ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}nav li+li::before{content:"›";margin-right:.25rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.25rem 0}td.num{text-align:right}.na{color:#666}.hinweis{background:#fff4d6;border-left:4px solid #b87d00;padding:.5rem 1rem}
footer{margin-top:2rem;border-top:1px solid #ccc;padding-top:.5rem;font-size:.9rem}`;

interface Crumb {
	href?: string;
	label: string;
}

function layout(root: string, title: string, crumbs: Crumb[], json: string, body: string, locale: Locale = 'de'): string {
	const trail = [{ href: `${root}?f=html`, label: 'OGC API' }, ...crumbs]
		.map((c, i, all) =>
			i === all.length - 1 || !c.href ? `<li aria-current="page">${esc(c.label)}</li>` : `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>`
		)
		.join('');
	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Kontoratlas OGC API</title>
<link rel="alternate" type="application/json" href="${esc(json)}">
<style>${STYLE}</style>
</head>
<body>
<header><nav aria-label="Pfad"><ol>${trail}</ol></nav></header>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
<footer>Diese Seite als <a href="${esc(json)}">JSON</a> · <a href="${esc(new URL(root).origin)}/daten">Offene Daten, Herkunft und Lizenzen</a> · <a href="${esc(new URL(root).origin)}/">Kontoratlas</a></footer>
</body>
</html>
`;
}

export function landingHtml(store: Store, root: string): string {
	return layout(
		root,
		TITLE,
		[],
		`${root}?f=json`,
		`<p>${esc(serviceDescription(store))}</p>
<h2>Inhalt</h2>
<ul>
<li><a href="${root}/collections?f=html">Sammlungen</a> (Layer für QGIS, ArcGIS und Geoportale)</li>
<li><a href="${root}/api?f=html">API-Dokumentation</a> und <a href="${root}/api?f=json">API-Beschreibung (OpenAPI 3.0, JSON)</a></li>
<li><a href="${root}/conformance?f=html">Erfüllte Konformitätsklassen</a></li>
</ul>
<h2>In QGIS öffnen</h2>
<p>Layer › Layer hinzufügen › WFS/OGC-API-Features-Layer hinzufügen, neue Verbindung mit der Adresse <code>${esc(root)}</code>. Mit GDAL: <code>ogrinfo OAPIF:${esc(root)}</code>.</p>`
	);
}

export function conformanceHtml(root: string): string {
	return layout(
		root,
		'Konformität',
		[{ label: 'Konformität' }],
		`${root}/conformance?f=json`,
		`<p>Dieser Dienst erfüllt die folgenden Konformitätsklassen von OGC API – Features, Teil 1:</p>
<ul>${CONFORMANCE.map((c) => `<li><code>${esc(c)}</code></li>`).join('')}</ul>`
	);
}

export function apiHtml(root: string, doc: { paths: Record<string, { get: { summary: string } }> }): string {
	const rows = Object.entries(doc.paths)
		.map(([path, op]) => `<tr><td><code>GET ${esc(path)}</code></td><td>${esc(op.get.summary)}</td></tr>`)
		.join('');
	return layout(
		root,
		'API-Dokumentation',
		[{ label: 'API' }],
		`${root}/api?f=json`,
		`<p>Die maschinenlesbare Beschreibung steht als <a href="${root}/api?f=json">OpenAPI-3.0-Dokument</a> bereit. Alle Pfade beziehen sich auf <code>${esc(root)}</code>.</p>
<table><caption>Pfade</caption><thead><tr><th scope="col">Pfad</th><th scope="col">Inhalt</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Parameter für Objekte</h2>
<dl>
<dt><code>limit</code></dt><dd>Objekte je Seite, 1 bis 1000 (Vorgabe 10).</dd>
<dt><code>offset</code></dt><dd>Übersprungene Objekte; die Links „nächste“ und „vorige Seite“ setzen ihn.</dd>
<dt><code>bbox</code></dt><dd>Rechteck minLon,minLat,maxLon,maxLat in WGS 84 (CRS84).</dd>
<dt><code>f</code></dt><dd><code>json</code> oder <code>html</code>; ohne <code>f</code> entscheidet der Accept-Header.</dd>
</dl>`
	);
}

export function collectionsHtml(store: Store, root: string): string {
	const rows = COLLECTIONS.map(
		(c) =>
			`<tr><th scope="row"><a href="${root}/collections/${c.id}?f=html">${esc(c.title)}</a></th><td><code>${esc(c.id)}</code></td><td class="num">${prepare(store, c).features.length}</td><td>${esc(c.description(store))}</td></tr>`
	).join('');
	return layout(
		root,
		'Sammlungen',
		[{ label: 'Sammlungen' }],
		`${root}/collections?f=json`,
		`<table><caption>Sammlungen dieses Dienstes</caption>
<thead><tr><th scope="col">Titel</th><th scope="col">Kennung</th><th scope="col">Objekte</th><th scope="col">Beschreibung</th></tr></thead><tbody>${rows}</tbody></table>`
	);
}

function propertyTable(defs: PropertyDef[]): string {
	const rows = defs
		.map(
			(d) =>
				`<tr><th scope="row"><code>${esc(d.name)}</code></th><td>${esc(d.title)}</td><td>${esc(d.type)}</td><td>${esc(d.unit ?? '')}</td><td>${d.beispieldaten ? 'Beispieldaten' : ''}</td></tr>`
		)
		.join('');
	return `<table><caption>Eigenschaften</caption><thead><tr><th scope="col">Name</th><th scope="col">Bedeutung</th><th scope="col">Typ</th><th scope="col">Einheit</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function collectionHtml(store: Store, root: string, c: OgcCollection): string {
	const p = prepare(store, c);
	const base = `${root}/collections/${c.id}`;
	return layout(
		root,
		c.title,
		[{ href: `${root}/collections?f=html`, label: 'Sammlungen' }, { label: c.title }],
		`${base}?f=json`,
		`<p class="hinweis">${esc(c.description(store))}</p>
<p><a href="${base}/items?f=html">Objekte ansehen</a> (${p.features.length}) · <a href="${base}/items?f=json&amp;limit=1000">alle als GeoJSON</a></p>
<p>Ausdehnung (CRS84, minLon, minLat, maxLon, maxLat): ${p.extent.map((x) => esc(nf.format(x))).join(', ')}</p>
${propertyTable(c.properties(store))}`
	);
}

export function itemsHtml(root: string, c: OgcCollection, page: Page, offset: number, params: URLSearchParams): string {
	const base = `${root}/collections/${c.id}`;
	const items = `${base}/items`;
	const rows = page.features
		.map(
			(f) =>
				`<tr><th scope="row"><a href="${base}/items/${encodeURIComponent(f.id)}?f=html">${esc(f.properties.name ?? f.id)}</a></th><td><code>${esc(f.id)}</code></td><td>${esc(f.geometry.type)}</td></tr>`
		)
		.join('');
	const nav = [
		page.prev !== null ? `<a rel="prev" href="${esc(pageUrl(items, params, page.prev, 'html'))}">Vorige Seite</a>` : '',
		page.next !== null ? `<a rel="next" href="${esc(pageUrl(items, params, page.next, 'html'))}">Nächste Seite</a>` : ''
	].filter(Boolean);
	const range = page.numberReturned
		? `Objekte ${offset + 1}–${offset + page.numberReturned} von ${page.numberMatched}`
		: `Keine Objekte auf dieser Seite (${page.numberMatched} insgesamt)`;
	return layout(
		root,
		`${c.title}: Objekte`,
		[{ href: `${root}/collections?f=html`, label: 'Sammlungen' }, { href: `${base}?f=html`, label: c.title }, { label: 'Objekte' }],
		pageUrl(items, params, offset, 'json'),
		`<p>${esc(range)}.</p>
<table><caption>${esc(c.title)}</caption><thead><tr><th scope="col">Name</th><th scope="col">Kennung</th><th scope="col">Geometrie</th></tr></thead><tbody>${rows}</tbody></table>
${nav.length ? `<nav aria-label="Seiten"><p>${nav.join(' · ')}</p></nav>` : ''}`
	);
}

export function itemHtml(store: Store, root: string, c: OgcCollection, f: FlatFeature): string {
	const base = `${root}/collections/${c.id}`;
	const defs = new Map(c.properties(store).map((d) => [d.name, d]));
	const rows = Object.entries(f.properties)
		.map(([k, v]) => {
			const d = defs.get(k);
			const unit = d?.unit && v !== null ? ` ${esc(d.unit)}` : '';
			return `<tr><th scope="row">${esc(d?.title ?? k)} <code>${esc(k)}</code></th><td${typeof v === 'number' ? ' class="num"' : ''}>${show(v)}${unit}${d?.beispieldaten && v !== null ? ' (Beispieldaten)' : ''}</td></tr>`;
		})
		.join('');
	const title = String(f.properties.name ?? f.id);
	return layout(
		root,
		title,
		[
			{ href: `${root}/collections?f=html`, label: 'Sammlungen' },
			{ href: `${base}?f=html`, label: c.title },
			{ href: `${base}/items?f=html`, label: 'Objekte' },
			{ label: title }
		],
		`${base}/items/${encodeURIComponent(f.id)}?f=json`,
		`<p>Geometrie: ${esc(f.geometry.type)}. ${esc(c.title)}: ${esc(c.description(store).split('. ')[0])}.</p>
<table><caption>Eigenschaften von ${esc(title)}</caption><thead><tr><th scope="col">Eigenschaft</th><th scope="col">Wert</th></tr></thead><tbody>${rows}</tbody></table>`
	);
}

export function exceptionHtml(root: string, e: OgcError, locale: Locale): string {
	const t = translator(locale, ogc);
	const heading = t(e.status === 404 ? 'ogc.page.notFound' : e.status === 400 ? 'ogc.page.badRequest' : 'ogc.page.error');
	return layout(
		root,
		heading,
		[{ label: heading }],
		`${root}?f=json`,
		`<p>${esc(t('ogc.page.status', { status: e.status }))} <code>${esc(e.code)}</code>.</p>
<p>${esc(e.description(locale))}</p>
<p><a href="${root}/collections?f=html">${esc(t('ogc.page.toCollections'))}</a></p>`,
		locale
	);
}
