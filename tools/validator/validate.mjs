// Runs the Khronos glTF Validator on one .glb/.gltf and fails (exit 1) on any error or warning.
// Infos and hints are printed but allowed.   usage: node validate.mjs FILE
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import validator from 'gltf-validator';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs FILE.glb');
  process.exit(2);
}
const bytes = new Uint8Array(await readFile(file));
const report = await validator.validateBytes(bytes, {
  uri: path.basename(file),
  maxIssues: 0,
  externalResourceFunction: (uri) => readFile(path.resolve(path.dirname(file), decodeURIComponent(uri))),
});
const { numErrors, numWarnings, numInfos, numHints, messages } = report.issues;
const names = ['error', 'warning', 'info', 'hint'];
for (const m of messages)
  console.log(`${names[m.severity] ?? m.severity}: ${m.code} ${m.pointer ?? ''} ${m.message}`);
console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ${numHints} hints ` +
            `(validator ${report.validatorVersion})`);
process.exit(numErrors > 0 || numWarnings > 0 ? 1 : 0);
