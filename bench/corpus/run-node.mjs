// Runs a WASI command module under node's built-in WASI, as the reference for scripts/bench-corpus
// and scripts/bench-wasi-io. Usage: node run-node.mjs [--dir HOST::GUEST]... [--repeat WARMUP,RUNS]
// MODULE [ARGS...]; each --dir preopens directory HOST as GUEST (as wasmrun's --dir). Exits with
// the guest's exit code.
// --repeat is bench-corpus's in-process mode: the module is compiled once and run WARMUP + RUNS
// times, each with a new instance and WASI; only the first run's output reaches stdout (the others
// go to /dev/null), and the last line on stderr is "ms: T1 T2 ...", the timed runs' wall times.
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
const preopens = {};
let repeat = null;
for (;;) {
    if (argv[0] === '--dir') {
        const spec = argv[1] ?? '';
        const at = spec.indexOf('::');
        const [host, guest] = at < 0 ? [spec, spec] : [spec.slice(0, at), spec.slice(at + 2)];
        preopens[guest] = host;
        argv.splice(0, 2);
    } else if (argv[0] === '--repeat') {
        const [warmup, runs] = (argv[1] ?? '').split(',').map(Number);
        repeat = { warmup, runs };
        argv.splice(0, 2);
    } else {
        break;
    }
}
const [file, ...args] = argv;
const module = await WebAssembly.compile(await readFile(file));
const run = (stdout) => {
    const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, preopens, returnOnExit: true, stdout });
    return WebAssembly.instantiate(module, wasi.getImportObject()).then((instance) => wasi.start(instance));
};
if (repeat === null) {
    process.exitCode = await run(1);
} else {
    const sink = openSync('/dev/null', 'w');
    const times = [];
    for (let i = 0; i < repeat.warmup + repeat.runs; i++) {
        const start = process.hrtime.bigint();
        const code = await run(i === 0 ? 1 : sink);
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        if (code !== 0) {
            throw new Error(`run ${i} exited with ${code}`);
        }
        if (i >= repeat.warmup) {
            times.push(elapsed.toFixed(3));
        }
    }
    closeSync(sink);
    process.stderr.write(`ms: ${times.join(' ')}\n`);
}
