// Headless Chromium for browser tests: the binary shipped in @sparticuz/chromium (no download,
// no apt step), or the one named by CHROMIUM_PATH.
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type LaunchOptions } from 'playwright-core';

export async function launchChromium(options: { webgl?: boolean } = {}): Promise<Browser> {
	const custom = process.env.CHROMIUM_PATH;
	const args = custom
		? [
				'--no-sandbox',
				'--disable-dev-shm-usage',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--ignore-gpu-blocklist',
				'--disable-background-networking'
			]
		: [...chromium.args];
	if (options.webgl === false) args.push('--disable-webgl', '--disable-3d-apis');
	const launch: LaunchOptions = { executablePath: custom || (await chromium.executablePath()), args, headless: true };
	return playwright.launch(launch);
}
