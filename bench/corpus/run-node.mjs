// Runs a WASI command module under node's built-in WASI, as the reference for scripts/bench-corpus
// and scripts/bench-wasi-io. Usage: node run-node.mjs [--dir HOST::GUEST]... MODULE [ARGS...];
// each --dir preopens directory HOST as GUEST (as wasmrun's --dir). Exits with the guest's exit code.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
const preopens = {};
while (argv[0] === '--dir') {
    const spec = argv[1] ?? '';
    const at = spec.indexOf('::');
    const [host, guest] = at < 0 ? [spec, spec] : [spec.slice(0, at), spec.slice(at + 2)];
    preopens[guest] = host;
    argv.splice(0, 2);
}
const [file, ...args] = argv;
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
