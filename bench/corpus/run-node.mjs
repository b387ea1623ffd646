// Runs a WASI command module under node's built-in WASI, as the reference for scripts/bench-corpus.
// Usage: node run-node.mjs MODULE [ARGS...]; exits with the guest's exit code.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
