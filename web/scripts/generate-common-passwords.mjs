// Writes src/register/common-passwords.json: the 10,000 most common passwords of the frequency list in the npm package
// zxcvbn 4.4.2 (MIT, Dropbox; derived from leaked-password corpora), lowercased, without those shorter than 4 characters
// (a password shorter than the minimum length can only matter as the core of a longer one, and cores under 4 are not
// checked). Identity embeds the same file, so the SPA and the server refuse the same passwords.
//
//   npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz && node scripts/generate-common-passwords.mjs package
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const packageDir = resolve(process.argv[2] ?? 'package');
const require = createRequire(import.meta.url);
const { passwords } = require(resolve(packageDir, 'lib/frequency_lists.js'));
const top = [...new Set(passwords.slice(0, 10_000).map((p) => p.toLowerCase()))].filter((p) => p.length >= 4);
writeFileSync(new URL('../src/register/common-passwords.json', import.meta.url), JSON.stringify(top) + '\n');
console.log(`${top.length} passwords written`);
