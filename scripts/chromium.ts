// Debian's Chromium for the end-to-end tests and the benchmark: never a downloaded browser, with
// the flags this machine needs (no sandbox as root, no GPU: WebGL through SwiftShader, and no
// background network, which the closed network would refuse).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
    ],
  });
}
