// Plain HTML for the OGC API (requirement class html) in the request's language: one small page per
// resource, with breadcrumbs, tables with headers and captions, links to the JSON alternate (every link
// keeps the language, via withLang), and no external resources or scripts (the page carries its own strict CSP).
import type { Store } from '../store';
import { collectionsOf, prepare, type OgcCollection } from './collections';
import { CONFORMANCE, serviceDescription, serviceTitle } from './documents';
import type { OgcError } from './exception';
import { intlLocale, type Locale } from '$lib/i18n';
import { withLang } from '$lib/i18n/links';
import { ogcTexts, type OgcT } from '$lib/i18n/ogc';
import type { Page } from './items';
import { LIMIT_DEFAULT, LIMIT_MAX, pageUrl } from './items';
import type { FlatFeature, PropertyDef } from './properties';

export const HTML_CSP = "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

/** What every page needs: the API root and the request's language with its texts. */
export interface HtmlView {
	root: string;
	locale: Locale;
	t: OgcT;
}

const numberFormats = {
	de: new Intl.NumberFormat(intlLocale('de'), { maximumFractionDigits: 3 }),
	en: new Intl.NumberFormat(intlLocale('en'), { maximumFractionDigits: 3 })
};

function show(v: unknown, { locale, t }: HtmlView): string {
	if (v === null || v === undefined || v === '') return `<span class="na">${esc(t('ogc.html.none'))}</span>`;
	if (typeof v === 'number') return esc(numberFormats[locale].format(v));
	if (typeof v === 'boolean') return esc(t(v ? 'ogc.html.yes' : 'ogc.html.no'));
	return esc(v);
}

/** An escaped href that keeps the language. */
const href = (path: string, locale: Locale) => esc(withLang(path, locale));

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1a1a1a}
a{color:#0b57a4}nav ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}nav li+li::before{content:"›";margin-right:.25rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.25rem 0}td.num{text-align:right}.na{color:#666}.hinweis{background:#fff4d6;border-left:4px solid #b87d00;padding:.5rem 1rem}
footer{margin-top:2rem;border-top:1px solid #ccc;padding-top:.5rem;font-size:.9rem}`;

interface Crumb {
	href?: string;
	label: string;
}

function layout(view: HtmlView, title: string, crumbs: Crumb[], json: string, body: string): string {
	const { root, locale, t } = view;
	const origin = new URL(root).origin;
	const trail = [{ href: `${root}?f=html`, label: 'OGC API' }, ...crumbs]
		.map((c, i, all) =>
			i === all.length - 1 || !c.href ? `<li aria-current="page">${esc(c.label)}</li>` : `<li><a href="${href(c.href, locale)}">${esc(c.label)}</a></li>`
		)
		.join('');
	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Kontoratlas OGC API</title>
<link rel="alternate" type="application/json" href="${href(json, locale)}">
<style>${STYLE}</style>
</head>
<body>
<header><nav aria-label="${esc(t('ogc.html.trail'))}"><ol>${trail}</ol></nav></header>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
<footer>${withMarkup((p) => t('ogc.html.footerJson', p), { json: `<a href="${href(json, locale)}">JSON</a>` })} · <a href="${href(`${origin}/daten`, locale)}">${esc(t('ogc.html.openData'))}</a> · <a href="${href(`${origin}/`, locale)}">Kontoratlas</a></footer>
</body>
</html>
`;
}

/** A catalogue text, escaped, with HTML (links, code) put in for its placeholders. */
function withMarkup(text: (params: Record<string, string>) => string, markup: Record<string, string>): string {
	const marks = Object.fromEntries(Object.keys(markup).map((k, i) => [k, `\0${i}\0`]));
	return esc(text(marks)).replace(/\0(\d+)\0/g, (_, i: string) => Object.values(markup)[Number(i)]);
}

const code = (s: string) => `<code>${esc(s)}</code>`;

export function landingHtml(store: Store, view: HtmlView): string {
	const { root, locale, t } = view;
	const a = (path: string, label: string) => `<a href="${href(path, locale)}">${esc(label)}</a>`;
	return layout(
		view,
		serviceTitle(store, t),
		[],
		`${root}?f=json`,
		`<p>${esc(serviceDescription(store, t))}</p>
<h2>${esc(t('ogc.html.contents'))}</h2>
<ul>
<li>${withMarkup((p) => t('ogc.html.collectionsLine', p), { link: a(`${root}/collections?f=html`, t('ogc.collections')) })}</li>
<li>${withMarkup((p) => t('ogc.html.apiLine', p), { docs: a(`${root}/api?f=html`, t('ogc.apiDocs')), description: a(`${root}/api?f=json`, t('ogc.html.apiDescriptionJson')) })}</li>
<li>${a(`${root}/conformance?f=html`, t('ogc.conformanceClasses'))}</li>
</ul>
<h2>${esc(t('ogc.html.qgis'))}</h2>
<p>${withMarkup((p) => t('ogc.html.qgisHow', p), { root: code(root), gdal: code(`ogrinfo OAPIF:${root}`) })}</p>`
	);
}

export function conformanceHtml(view: HtmlView): string {
	const { root, t } = view;
	return layout(
		view,
		t('ogc.conformance'),
		[{ label: t('ogc.conformance') }],
		`${root}/conformance?f=json`,
		`<p>${esc(t('ogc.html.conformanceIntro'))}</p>
<ul>${CONFORMANCE.map((c) => `<li>${code(c)}</li>`).join('')}</ul>`
	);
}

export function apiHtml(view: HtmlView, doc: { paths: Record<string, { get: { summary: string } }> }): string {
	const { root, locale, t } = view;
	const rows = Object.entries(doc.paths)
		.map(([path, op]) => `<tr><td><code>GET ${esc(path)}</code></td><td>${esc(op.get.summary)}</td></tr>`)
		.join('');
	return layout(
		view,
		t('ogc.apiDocs'),
		[{ label: 'API' }],
		`${root}/api?f=json`,
		`<p>${withMarkup((p) => t('ogc.html.apiIntro', p), { link: `<a href="${href(`${root}/api?f=json`, locale)}">${esc(t('ogc.html.openapiDocument'))}</a>`, root: code(root) })}</p>
<table><caption>${esc(t('ogc.html.paths'))}</caption><thead><tr><th scope="col">${esc(t('ogc.html.path'))}</th><th scope="col">${esc(t('ogc.html.content'))}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${esc(t('ogc.html.itemParameters'))}</h2>
<dl>
<dt><code>limit</code></dt><dd>${esc(t('ogc.html.limit', { max: LIMIT_MAX, default: LIMIT_DEFAULT }))}</dd>
<dt><code>offset</code></dt><dd>${esc(t('ogc.html.offset'))}</dd>
<dt><code>bbox</code></dt><dd>${esc(t('ogc.html.bbox'))}</dd>
<dt><code>f</code></dt><dd>${withMarkup((p) => t('ogc.html.f', p), { json: code('json'), html: code('html'), f: code('f') })}</dd>
</dl>`
	);
}

export function collectionsHtml(store: Store, view: HtmlView): string {
	const { root, locale, t } = view;
	const rows = collectionsOf(store)
		.map(
			(c) =>
				`<tr><th scope="row"><a href="${href(`${root}/collections/${c.id}?f=html`, locale)}">${esc(c.title(t))}</a></th><td><code>${esc(c.id)}</code></td><td class="num">${prepare(store, c).features.length}</td><td>${esc(c.description(store, t))}</td></tr>`
		)
		.join('');
	return layout(
		view,
		t('ogc.collections'),
		[{ label: t('ogc.collections') }],
		`${root}/collections?f=json`,
		`<table><caption>${esc(t('ogc.html.collectionsCaption'))}</caption>
<thead><tr><th scope="col">${esc(t('ogc.html.title'))}</th><th scope="col">${esc(t('ogc.html.id'))}</th><th scope="col">${esc(t('ogc.html.features'))}</th><th scope="col">${esc(t('ogc.html.description'))}</th></tr></thead><tbody>${rows}</tbody></table>`
	);
}

function propertyTable(defs: PropertyDef[], t: OgcT): string {
	const rows = defs
		.map(
			(d) =>
				`<tr><th scope="row"><code>${esc(d.name)}</code></th><td>${esc(d.title)}</td><td>${esc(d.type)}</td><td>${esc(d.unit ?? '')}</td><td>${d.beispieldaten ? esc(t('ogc.html.example')) : ''}</td></tr>`
		)
		.join('');
	const head = (['ogc.html.name', 'ogc.html.meaning', 'ogc.html.type', 'ogc.html.unit', 'ogc.html.status'] as const)
		.map((k) => `<th scope="col">${esc(t(k))}</th>`)
		.join('');
	return `<table><caption>${esc(t('ogc.html.properties'))}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function collectionHtml(store: Store, view: HtmlView, c: OgcCollection): string {
	const { root, locale, t } = view;
	const p = prepare(store, c);
	const base = `${root}/collections/${c.id}`;
	const title = c.title(t);
	return layout(
		view,
		title,
		[{ href: `${root}/collections?f=html`, label: t('ogc.collections') }, { label: title }],
		`${base}?f=json`,
		`<p class="hinweis">${esc(c.description(store, t))}</p>
<p><a href="${href(`${base}/items?f=html`, locale)}">${esc(t('ogc.html.viewFeatures'))}</a> (${p.features.length}) · <a href="${href(`${base}/items?f=json&limit=1000`, locale)}">${esc(t('ogc.html.allGeojson'))}</a></p>
<p>${esc(t('ogc.html.extent', { extent: p.extent.map((x) => numberFormats[locale].format(x)).join('; ') }))}</p>
${propertyTable(c.properties(store, locale), t)}`
	);
}

export function itemsHtml(view: HtmlView, c: OgcCollection, page: Page, offset: number, params: URLSearchParams): string {
	const { root, locale, t } = view;
	const base = `${root}/collections/${c.id}`;
	const items = `${base}/items`;
	// `lang` comes back through withLang, whether the request named it or sent Accept-Language.
	const query = new URLSearchParams(params);
	query.delete('lang');
	const title = c.title(t);
	const rows = page.features
		.map(
			(f) =>
				`<tr><th scope="row"><a href="${href(`${base}/items/${encodeURIComponent(f.id)}?f=html`, locale)}">${esc(f.properties.name ?? f.id)}</a></th><td><code>${esc(f.id)}</code></td><td>${esc(f.geometry.type)}</td></tr>`
		)
		.join('');
	const nav = [
		page.prev !== null ? `<a rel="prev" href="${href(pageUrl(items, query, page.prev, 'html'), locale)}">${esc(t('ogc.prevPage'))}</a>` : '',
		page.next !== null ? `<a rel="next" href="${href(pageUrl(items, query, page.next, 'html'), locale)}">${esc(t('ogc.nextPage'))}</a>` : ''
	].filter(Boolean);
	const range = page.numberReturned
		? t('ogc.html.range', { from: offset + 1, to: offset + page.numberReturned, matched: page.numberMatched })
		: t('ogc.html.emptyPage', { matched: page.numberMatched });
	return layout(
		view,
		t('ogc.html.featuresOf', { title }),
		[{ href: `${root}/collections?f=html`, label: t('ogc.collections') }, { href: `${base}?f=html`, label: title }, { label: t('ogc.html.features') }],
		pageUrl(items, query, offset, 'json'),
		`<p>${esc(range)}</p>
<table><caption>${esc(title)}</caption><thead><tr><th scope="col">${esc(t('ogc.html.name'))}</th><th scope="col">${esc(t('ogc.html.id'))}</th><th scope="col">${esc(t('ogc.html.geometry'))}</th></tr></thead><tbody>${rows}</tbody></table>
${nav.length ? `<nav aria-label="${esc(t('ogc.html.pages'))}"><p>${nav.join(' · ')}</p></nav>` : ''}`
	);
}

export function itemHtml(store: Store, view: HtmlView, c: OgcCollection, f: FlatFeature): string {
	const { root, t } = view;
	const base = `${root}/collections/${c.id}`;
	const defs = new Map(c.properties(store, view.locale).map((d) => [d.name, d]));
	const rows = Object.entries(f.properties)
		.map(([k, v]) => {
			const d = defs.get(k);
			const unit = d?.unit && v !== null ? ` ${esc(d.unit)}` : '';
			const example = d?.beispieldaten && v !== null ? ` (${esc(t('ogc.html.example'))})` : '';
			return `<tr><th scope="row">${esc(d?.title ?? k)} <code>${esc(k)}</code></th><td${typeof v === 'number' ? ' class="num"' : ''}>${show(v, view)}${unit}${example}</td></tr>`;
		})
		.join('');
	const title = String(f.properties.name ?? f.id);
	const collectionTitle = c.title(t);
	return layout(
		view,
		title,
		[
			{ href: `${root}/collections?f=html`, label: t('ogc.collections') },
			{ href: `${base}?f=html`, label: collectionTitle },
			{ href: `${base}/items?f=html`, label: t('ogc.html.features') },
			{ label: title }
		],
		`${base}/items/${encodeURIComponent(f.id)}?f=json`,
		`<p>${esc(t('ogc.html.geometryOf', { type: f.geometry.type }))} ${esc(collectionTitle)}: ${esc(c.description(store, t).split('. ')[0])}.</p>
<table><caption>${esc(t('ogc.html.propertiesOf', { name: title }))}</caption><thead><tr><th scope="col">${esc(t('ogc.html.property'))}</th><th scope="col">${esc(t('ogc.html.value'))}</th></tr></thead><tbody>${rows}</tbody></table>`
	);
}

export function exceptionHtml(root: string, e: OgcError, locale: Locale): string {
	const t = ogcTexts(locale);
	const heading = t(e.status === 404 ? 'ogc.page.notFound' : e.status === 400 ? 'ogc.page.badRequest' : 'ogc.page.error');
	return layout(
		{ root, locale, t },
		heading,
		[{ label: heading }],
		`${root}?f=json`,
		`<p>${esc(t('ogc.page.status', { status: e.status }))} <code>${esc(e.code)}</code>.</p>
<p>${esc(e.description(locale))}</p>
<p><a href="${href(`${root}/collections?f=html`, locale)}">${esc(t('ogc.page.toCollections'))}</a></p>`
	);
}
