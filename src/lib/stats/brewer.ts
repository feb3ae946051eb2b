// ColorBrewer schemes (Cynthia A. Brewer, Apache-2.0) as plain hex tables, copied from
// d3-scale-chromatic so that pages need not ship its interpolators; brewer.test.ts checks that
// they match d3-scale-chromatic exactly. Index n: the scheme with n classes.
/**
 * A scheme as ColorBrewer builds it: its colours once, then for 3, 4, … classes which of them, one
 * letter each (a = the first colour). Index n of the result: the scheme with n classes.
 */
function scheme(colours: string, picks: string): string[][] {
	const all = colours.match(/.{6}/g)!.map((h) => `#${h}`);
	return [[], [], [], ...picks.split(' ').map((p) => [...p].map((letter) => all[letter.charCodeAt(0) - 97]))];
}

export const BREWER: Record<string, readonly (readonly string[])[]> = {
	OrRd: scheme('fee8c8fdbb84e34a33fef0d9fdcc8afc8d59d7301fb30000fdd49eef6548990000fff7ec7f0000', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	YlOrRd: scheme('ffeda0feb24cf03b20ffffb2fecc5cfd8d3ce31a1cbd0026fed976fc4e2ab10026ffffcc800026', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	Reds: scheme('fee0d2fc9272de2d26fee5d9fcae91fb6a4acb181da50f15fcbba1ef3b2c99000dfff5f067000d', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	Blues: scheme('deebf79ecae13182bdeff3ffbdd7e76baed62171b508519cc6dbef4292c6084594f7fbff08306b', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	Greens: scheme('e5f5e0a1d99b31a354edf8e9bae4b374c476238b45006d2cc7e9c041ab5d005a32f7fcf500441b', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	Purples: scheme('efedf5bcbddc756bb1f2f0f7cbc9e29e9ac86a51a354278fdadaeb807dba4a1486fcfbfd3f007d', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	YlGnBu: scheme('edf8b17fcdbb2c7fb8ffffcca1dab441b6c4225ea8253494c7e9b41d91c00c2c84ffffd9081d58', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	PuBu: scheme('ece7f2a6bddb2b8cbef1eef6bdc9e174a9cf0570b0045a8dd0d1e63690c0034e7bfff7fb023858', 'abc defg defch dibfch dibfjgk laibfjgk laibfjghm'),
	RdBu: scheme(
		'ef8a62f7f7f767a9cfca0020f4a58292c5de0571b0b2182bfddbc7d1e5f02166acd6604d4393c367001f053061',
		'abc defg debfg haijck haibjck hleijfmk hleibjfmk nhleijfmko nhleibjfmko'
	),
	PuOr: scheme(
		'998ec3f7f7f7f1a3405e3c99b2abd2fdb863e66101542788d8daebfee0b6b358068073ace082142d004b7f3b08',
		'abc defg debfg haijck haibjck hleijfmk hleibjfmk nhleijfmko nhleibjfmko'
	),
	BrBG: scheme(
		'd8b365f5f5f55ab4aca6611adfc27d80cdc10185718c510af6e8c3c7eae501665ebf812d35978f543005003c30',
		'abc defg debfg haijck haibjck hleijfmk hleibjfmk nhleijfmko nhleibjfmko'
	),
	PRGn: scheme(
		'af8dc3f7f7f77fbf7b7b3294c2a5cfa6dba0008837762a83e7d4e8d9f0d31b78379970ab5aae6140004b00441b',
		'abc defg debfg haijck haibjck hleijfmk hleibjfmk nhleijfmko nhleibjfmko'
	),
	RdYlBu: scheme(
		'fc8d59ffffbf91bfdbd7191cfdae61abd9e92c7bb6d73027fee090e0f3f84575b4f46d4374add1a50026313695',
		'abc defg debfg haijck haibjck hleijfmk hleibjfmk nhleijfmko nhleibjfmko'
	)
};
