import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardStore, noteReachable, outageCause, outageMessage, outageState, StoreUnavailableError } from './outage';

const err = (code: string, extra: object = {}) => Object.assign(new Error(code), { code, ...extra });

afterEach(() => {
	vi.restoreAllMocks();
	noteReachable();
});

describe('outageCause', () => {
	it('knows the connection failures of node, postgres.js and PostgreSQL', () => {
		expect(outageCause(err('ECONNREFUSED'))).toEqual({ cause: 'outage.cause.refused', code: 'ECONNREFUSED' });
		expect(outageCause(err('CONNECTION_CLOSED'))).toEqual({ cause: 'outage.cause.closed', code: 'CONNECTION_CLOSED' });
		expect(outageCause(err('57P01'))).toEqual({ cause: 'outage.cause.shutdown', code: '57P01' });
		expect(outageCause(err('CONNECT_TIMEOUT'))).toEqual({ cause: 'outage.cause.timeout', code: 'CONNECT_TIMEOUT' });
		expect(outageCause(err('53300'))).toEqual({ cause: 'outage.cause.other', code: '53300' });
	});
	it('looks into an AggregateError and an error cause', () => {
		expect(outageCause(new AggregateError([err('ECONNREFUSED')], 'connect'))).toMatchObject({ code: 'ECONNREFUSED' });
		expect(outageCause(new Error('wrapped', { cause: err('ECONNRESET') }))).toMatchObject({ code: 'ECONNRESET' });
	});
	it('is null for errors of the query or the data: those are not an outage', () => {
		expect(outageCause(err('23505'))).toBeNull(); // unique_violation
		expect(outageCause(err('42P01'))).toBeNull(); // undefined_table
		expect(outageCause(new Error('no version 9'))).toBeNull();
		expect(outageCause(null)).toBeNull();
	});
});

describe('outageMessage', () => {
	it('names the cause and the version reads go on serving, in the language asked for', () => {
		expect(outageMessage('de', 'outage.cause.shutdown', '57P01', 7)).toBe(
			'Die Datenbank ist gerade nicht erreichbar (der Datenbankserver fährt herunter oder startet neu). Änderungen und Anmeldungen sind erst wieder möglich, wenn sie zurück ist; Karte, Tabellen und API liefern weiter Version 7. Bitte in einigen Sekunden erneut versuchen.'
		);
		expect(outageMessage('en', 'outage.cause.other', '53300', null)).toBe(
			'The database cannot be reached right now (connection error 53300). Please try again in a few seconds.'
		);
	});
});

describe('guardStore', () => {
	const store = (impl: () => Promise<number>) => ({ read: impl, name: 'x', sync: () => 5 });

	it('passes results, plain properties and synchronous calls through', async () => {
		const g = guardStore(
			store(async () => 1),
			() => 3
		);
		expect(await g.read()).toBe(1);
		expect(g.name).toBe('x');
		expect(g.sync()).toBe(5);
	});

	it('turns a connection failure outside a request into StoreUnavailableError and notes the outage until a call succeeds', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		let down = true;
		const g = guardStore(
			store(async () => {
				if (down) throw err('ECONNREFUSED');
				return 2;
			}),
			() => 3
		);
		const e = await g.read().catch((x: unknown) => x);
		expect(e).toBeInstanceOf(StoreUnavailableError);
		expect((e as StoreUnavailableError).outage.code).toBe('ECONNREFUSED');
		expect(outageState()).toMatchObject({ cause: 'outage.cause.refused', code: 'ECONNREFUSED' });
		expect(outageState().since).toBeGreaterThan(0);
		expect(outageState().warning).toBe('199 kontoratlas "Datenbank nicht erreichbar; ausgeliefert wird die zuletzt geladene Version 3"');
		down = false;
		expect(await g.read()).toBe(2);
		expect(outageState()).toEqual({ since: null, cause: null, code: null, warning: null });
	});

	it('lets every other error through unchanged, without an outage', async () => {
		const broken = err('23505');
		const g = guardStore(
			store(async () => {
				throw broken;
			}),
			() => 3
		);
		await expect(g.read()).rejects.toBe(broken);
		expect(outageState().since).toBeNull();
	});
});
