// The V8 oracle of scripts/fuzz: one long-lived node process that reads one request per line on
// stdin and prints one JSON result line per request on stdout, so no module pays a process start.
//
// A request is a JSON object {"path": "/abs/module.wasm", "memory": true}. The answer is
//   {"rejected": MESSAGE}                      the module does not compile (invalid or malformed)
//   {"events": [EVENT, ...]}                   otherwise
// with events, in the order they happened:
//   ["link", MESSAGE]                          instantiation failed to link (LinkError)
//   ["call", EXPORT]                           an exported function is called (zero arguments)
//   ["log", VALUE...]                          a fuzzing-support log-* import was called
//   ["result", VALUE...]                       the call returned (no VALUE for no results)
//   ["trap", MESSAGE, INSTRUCTION]             the call (or instantiation, before any call) trapped,
//                                              at INSTRUCTION (e.g. memory.init), when V8 says where
//   ["memory", STATE]                          after a call that trapped, and after the last call:
//                                              the exported memory's size and a hash of its bytes,
//                                              PAGES:HASH, so that what a trapping store or bulk
//                                              operation wrote before trapping is compared too
//   ["exhausted"]                              the stack overflowed: nothing after it is compared
//   ["error", MESSAGE]                         any other exception (a bug in the harness)
// VALUE is the raw value: i32:-5, i64:-5, f32:0x7fc00000, f64:0x7ff8000000000000. Floats keep
// their bits: log-f32/log-f64 and every export are reached through small adapter modules that
// reinterpret floats as integers inside wasm, because a float that crosses into JavaScript
// becomes a Number, which does not keep a NaN's payload or its signalling bit. A v128 (log-v128,
// which binaryen's translate-to-fuzz imports with SIMD, and v128 parameters and results, which
// cannot cross into JavaScript at all) crosses as its two i64 halves and reads
// v128:0x<32 hex digits>, the 128-bit number, lane 0 in the last digits.
//
// Semantics follow binaryen's fuzz harness (scripts/fuzz_shell.js and src/tools/execution-results.h
// in WebAssembly/binaryen): exports are called in module order with zero arguments, a trap in one
// call does not stop the next, and before each call the module's hangLimitInitializer export (if
// any) resets the hang limit, as binaryen's fuzz-exec does. Needs node's
// --experimental-wasm-type-reflection for the signatures of imports and exports.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const TYPE_CODES = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };
// what a value crosses into JavaScript as: floats as their bits, a v128 as its two i64 halves
const BITS_TYPES = { i32: ['i32'], i64: ['i64'], f32: ['i32'], f64: ['i64'], v128: ['i64', 'i64'] };
const I64X2_EXTRACT_LANE = (lane) => [0xfd, 0x1d, lane];

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function str(s) {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}

function section(id, payload) {
  return [id, ...uleb(payload.length), ...payload];
}

function vec(items) {
  return [...uleb(items.length), ...items.flat()];
}

function funcType(params, results) {
  return [0x60, ...vec(params.map((t) => [TYPE_CODES[t]])), ...vec(results.map((t) => [TYPE_CODES[t]]))];
}

function moduleBytes(types, imports, funcs, exports, bodies) {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcs.map((t) => uleb(t)))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies.map((b) => [...uleb(b.length), ...b]))),
  ]);
}

function numeric(types) {
  return types.every((t) => t in TYPE_CODES);
}

// Formats a raw value that reached JavaScript as an integer (floats were reinterpreted in wasm).
function raw(type, x) {
  switch (type) {
    case 'i32': return 'i32:' + (x | 0);
    case 'i64': return 'i64:' + BigInt.asIntN(64, x).toString();
    case 'f32': return 'f32:0x' + (x >>> 0).toString(16).padStart(8, '0');
    case 'f64': return 'f64:0x' + BigInt.asUintN(64, x).toString(16).padStart(16, '0');
    // x is [low, high]: the 128-bit number in hex, lane 0 in the last digits
    case 'v128': return 'v128:0x' + BigInt.asUintN(64, x[1]).toString(16).padStart(16, '0') + BigInt.asUintN(64, x[0]).toString(16).padStart(16, '0');
    default: return type + ':?';
  }
}

// A logger adapter module: log-f32 and log-f64 take floats and hand their bits to JavaScript,
// log-v128 (binaryen's translate-to-fuzz imports it when SIMD is on) a v128 as its two i64 halves.
let events = [];
const logger = (() => {
  const types = [funcType(['i32'], []), funcType(['i64'], []), funcType(['f32'], []), funcType(['f64'], []),
    funcType(['i64', 'i64'], []), funcType(['v128'], [])];
  const imports = [
    [...str('js'), ...str('f32'), 0x00, 0],
    [...str('js'), ...str('f64'), 0x00, 1],
    [...str('js'), ...str('v128'), 0x00, 4],
  ];
  const exports = [
    [...str('log-f32'), 0x00, 3],
    [...str('log-f64'), 0x00, 4],
    [...str('log-v128'), 0x00, 5],
  ];
  const bodies = [
    [0x00, 0x20, 0x00, 0xbc, 0x10, 0x00, 0x0b], // local.get 0, i32.reinterpret_f32, call 0
    [0x00, 0x20, 0x00, 0xbd, 0x10, 0x01, 0x0b], // local.get 0, i64.reinterpret_f64, call 1
    // local.get 0, i64x2.extract_lane 0, local.get 0, i64x2.extract_lane 1, call 2
    [0x00, 0x20, 0x00, ...I64X2_EXTRACT_LANE(0), 0x20, 0x00, ...I64X2_EXTRACT_LANE(1), 0x10, 0x02, 0x0b],
  ];
  const module = new WebAssembly.Module(moduleBytes(types, imports, [2, 3, 5], exports, bodies));
  const instance = new WebAssembly.Instance(module, {
    js: {
      f32: (bits) => events.push(['log', raw('f32', bits)]),
      f64: (bits) => events.push(['log', raw('f64', bits)]),
      v128: (low, high) => events.push(['log', raw('v128', [low, high])]),
    },
  });
  return instance.exports;
})();

let tempRet0 = 0;
const fuzzingSupport = {
  'log-i32': (x) => events.push(['log', raw('i32', x)]),
  'log-i64': (x) => events.push(['log', raw('i64', x)]),
  'log-f32': logger['log-f32'],
  'log-f64': logger['log-f64'],
  'log-v128': logger['log-v128'],
};
const env = {
  setTempRet0: (x) => { tempRet0 = x; },
  getTempRet0: () => tempRet0,
};

// Adapters that call an export of type (params) -> (results) with zero arguments and return the
// results with floats reinterpreted as integers, one module per signature.
const callers = new Map();

function caller(type) {
  const key = type.parameters.join(',') + '->' + type.results.join(',');
  let make = callers.get(key);
  if (make) return make;
  const params = type.parameters;
  const results = type.results;
  const flat = results.flatMap((t) => BITS_TYPES[t]);
  const types = [funcType(params, results), funcType([], flat)];
  const body = [];
  body.push(...uleb(results.length));
  for (const t of results) body.push(1, TYPE_CODES[t]);
  for (const t of params) {
    switch (t) {
      case 'i32': body.push(0x41, 0x00); break;
      case 'i64': body.push(0x42, 0x00); break;
      case 'f32': body.push(0x43, 0, 0, 0, 0); break;
      case 'f64': body.push(0x44, 0, 0, 0, 0, 0, 0, 0, 0); break;
      case 'v128': body.push(0xfd, 0x0c, ...new Array(16).fill(0)); break; // v128.const 0
    }
  }
  body.push(0x10, 0x00);
  for (let i = results.length - 1; i >= 0; i--) body.push(0x21, ...uleb(i));
  for (let i = 0; i < results.length; i++) {
    body.push(0x20, ...uleb(i));
    if (results[i] === 'f32') body.push(0xbc);
    if (results[i] === 'f64') body.push(0xbd);
    if (results[i] === 'v128') body.push(...I64X2_EXTRACT_LANE(0), 0x20, ...uleb(i), ...I64X2_EXTRACT_LANE(1));
  }
  body.push(0x0b);
  const module = new WebAssembly.Module(moduleBytes(
    types, [[...str('m'), ...str('f'), 0x00, 0]], [1], [[...str('call'), 0x00, 1]], [body]));
  make = (f) => {
    const call = new WebAssembly.Instance(module, { m: { f } }).exports.call;
    return () => {
      const r = call();
      const values = flat.length === 1 ? [r] : flat.length === 0 ? [] : [...r];
      let at = 0;
      return results.map((t) => {
        const v = t === 'v128' ? [values[at], values[at + 1]] : values[at];
        at += BITS_TYPES[t].length;
        return raw(t, v);
      });
    };
  };
  callers.set(key, make);
  return make;
}


// Instruction names by opcode, to name the instruction a trap happened at (from the byte offset
// in V8's stack trace), so that divergences with different causes get different signatures.
const OPCODES = (() => {
  const names = {
    0x00: 'unreachable', 0x0e: 'br_table', 0x10: 'call', 0x11: 'call_indirect', 0x12: 'return_call', 0x13: 'return_call_indirect',
    0x25: 'table.get', 0x26: 'table.set', 0x3f: 'memory.size', 0x40: 'memory.grow', 0xd4: 'ref.as_non_null',
  };
  const memory = ['i32.load', 'i64.load', 'f32.load', 'f64.load', 'i32.load8_s', 'i32.load8_u', 'i32.load16_s', 'i32.load16_u',
    'i64.load8_s', 'i64.load8_u', 'i64.load16_s', 'i64.load16_u', 'i64.load32_s', 'i64.load32_u', 'i32.store', 'i64.store',
    'f32.store', 'f64.store', 'i32.store8', 'i32.store16', 'i64.store8', 'i64.store16', 'i64.store32'];
  memory.forEach((n, i) => { names[0x28 + i] = n; });
  const numeric = { 0x6d: 'i32.div_s', 0x6e: 'i32.div_u', 0x6f: 'i32.rem_s', 0x70: 'i32.rem_u', 0x7f: 'i64.div_s', 0x80: 'i64.div_u',
    0x81: 'i64.rem_s', 0x82: 'i64.rem_u', 0xa8: 'i32.trunc_f32_s', 0xa9: 'i32.trunc_f32_u', 0xaa: 'i32.trunc_f64_s',
    0xab: 'i32.trunc_f64_u', 0xae: 'i64.trunc_f32_s', 0xaf: 'i64.trunc_f32_u', 0xb0: 'i64.trunc_f64_s', 0xb1: 'i64.trunc_f64_u' };
  Object.assign(names, numeric);
  const prefixed = { 8: 'memory.init', 9: 'data.drop', 10: 'memory.copy', 11: 'memory.fill', 12: 'table.init', 13: 'elem.drop',
    14: 'table.copy', 15: 'table.grow', 16: 'table.size', 17: 'table.fill' };
  return { names, prefixed };
})();

// The instruction at a trap, from the innermost wasm frame of V8's stack
// ("wasm-function[3]:0x1a2", a byte offset in the module), or undefined.
function trapSite(err, bytes) {
  const m = /wasm-function\[\d+\]:0x([0-9a-f]+)/.exec(String(err && err.stack));
  if (!m) return undefined;
  const at = parseInt(m[1], 16);
  if (at >= bytes.length) return undefined;
  const op = bytes[at];
  if (op === 0xfc) {
    let sub = 0, shift = 0, i = at + 1, b;
    do { b = bytes[i++]; sub |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80 && i < bytes.length);
    return OPCODES.prefixed[sub] || '0xfc ' + sub;
  }
  return OPCODES.names[op] || '0x' + op.toString(16);
}

// The exported memory's state: pages and a 32-bit FNV-1a hash over its little-endian words (the
// same function as the Java side's).
function memoryState(memory) {
  const words = new Uint32Array(memory.buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i], 0x01000193);
  }
  return (memory.buffer.byteLength / 65536) + ':' + (h >>> 0).toString(16).padStart(8, '0');
}

function isStackOverflow(e) {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function run(path, compareMemory) {
  events = [];
  tempRet0 = 0;
  const bytes = readFileSync(path);
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    return { rejected: String(e.message) };
  }
  const imports = { 'fuzzing-support': fuzzingSupport, env };
  let instance;
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    if (e instanceof WebAssembly.LinkError) {
      events.push(['link', e.message]);
    } else if (e instanceof WebAssembly.RuntimeError) {
      events.push(['trap', e.message, trapSite(e, bytes)]);
    } else if (isStackOverflow(e)) {
      events.push(['exhausted']);
    } else {
      events.push(['error', String(e)]);
    }
    return { events };
  }
  const exports = WebAssembly.Module.exports(module);
  const memoryExport = compareMemory ? exports.find((e) => e.kind === 'memory') : undefined;
  const memory = memoryExport ? instance.exports[memoryExport.name] : null;
  const hangLimit = exports.some((e) => e.kind === 'function' && e.name === 'hangLimitInitializer')
    ? instance.exports.hangLimitInitializer : null;
  for (const e of exports) {
    if (e.kind !== 'function') continue;
    const f = instance.exports[e.name];
    events.push(['call', e.name]);
    const type = e.type;
    try {
      if (hangLimit) hangLimit();
      if (type && numeric(type.parameters) && numeric(type.results)) {
        events.push(['result', ...caller(type)(f)()]);
      } else {
        const r = f(...new Array(f.length).fill(null));
        events.push(['result', ...(r === undefined ? [] : [String(r)])]);
      }
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) {
        events.push(['trap', err.message, trapSite(err, bytes)]);
        if (memory) events.push(['memory', memoryState(memory)]);
      } else if (isStackOverflow(err)) {
        events.push(['exhausted']);
        return { events };
      } else {
        events.push(['error', String(err)]);
      }
    }
  }
  if (memory) events.push(['memory', memoryState(memory)]);
  return { events };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  try {
    const request = JSON.parse(line);
    answer = run(request.path, request.memory !== false);
  } catch (e) {
    answer = { failed: String(e && e.stack || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
