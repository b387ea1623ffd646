#!/usr/bin/env python3
"""Writes a C program with N distinct small functions, all reachable through one function table.

Usage: gen-table-program.py N > table-N.c

Each function mixes its argument with its own constants in a short loop and a switch, so clang
neither merges nor inlines them (about 400 bytes of wasm each at -O2). main(argc, argv) calls
argv[1] of them (default 16) through the table, spread over it, and prints the sum: a large
module of which a run executes only a little, as a compiler or a language server does.
"""
import sys


def function(i):
    a, b, c, d = (i * 2654435761) % 2**31 | 1, (i * 40503 + 17) % 65521, i % 29 + 3, (i * 97) % 251
    return f"""__attribute__((noinline)) static unsigned f{i}(unsigned x) {{
    unsigned h = x ^ {a}u;
    for (unsigned k = 0; k < {c}u; k++) {{
        h = (h << {i % 13 + 1}) ^ (h >> {i % 7 + 3}) ^ (k * {b}u);
        switch ((h ^ k) & 7u) {{
        case 0: h += {d}u; break;
        case 1: h *= {b | 1}u; break;
        case 2: h ^= h >> {i % 5 + 1}; break;
        case 3: h -= {a % 1000003}u; break;
        case 5: h = h * 33u + {c}u; break;
        default: h ^= {(a ^ b) & 0xffff}u;
        }}
    }}
    return h % {1000 + i}u;
}}
"""


def main():
    n = int(sys.argv[1])
    out = ["#include <stdio.h>\n#include <stdlib.h>\n"]
    out += [function(i) for i in range(n)]
    out.append("static unsigned (*const table[])(unsigned) = {\n")
    out += [f"    f{i},\n" for i in range(n)]
    out.append("};\n")
    out.append(f"""
int main(int argc, char **argv) {{
    unsigned calls = argc > 1 ? (unsigned)atoi(argv[1]) : 16u, sum = 0;
    for (unsigned i = 0; i < calls; i++) {{
        sum += table[(i * 7919u) % {n}u](i);
    }}
    printf("%u functions, %u calls: %u\\n", {n}u, calls, sum);
    return 0;
}}
""")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
