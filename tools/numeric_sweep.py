"""Generates the numeric and text conformance sweep (golden/sweep) from CPython, the oracle.

Every operator and builtin on numbers and strings that LANGUAGE.md lists runs over a table of edge
values. Each program of the sweep is a NanoPy program (and a valid Python program) made of
sections; a section is a function `sN(op, a, b, ...)` that applies operation number `op` to its
operands and prints the result on one line, and a table of values per operand. Run with stdin `-1`,
the program runs every case of every section that completes, one output line per case, then the
same operations on literal operands (the constant folder's cases). Run with stdin
`section`, `op`, and one table index per operand (one number a line), it runs that one case alone:
that is how the cases that fail are checked, one run each, since a failure ends the run.

Files written per program NAME (golden/sweep/NAME.*):
  NAME.py      the program
  NAME.golden  CPython's stdout for stdin -1 (the program run by /usr/bin/python3.11)
  NAME.cases   what each line of NAME.golden is (`expression`), one line each
  NAME.known   cases left out, with CPython's answer and why NanoPy's differs (platform libm)
  NAME.errors  the cases that fail, one a line: stdin (space separated) TAB last stderr line TAB
               expression TAB `cpython` (CPython's own error) or `nanopy: <rule>` (a documented
               NanoPy limit: CPython prints a value, NanoPy must stop with this error instead)

The NanoPy rules, where NanoPy deliberately differs from CPython (LANGUAGE.md):
  - an int result outside the 64-bit range is `OverflowError: integer overflow`;
  - `int ** int` with a negative exponent that is not a constant is a ValueError (its type would
    depend on a value); with a constant exponent it is a float, as in CPython;
  - a negative finite float to a non-integral power is a ValueError (CPython gives a complex).
Every other expected line is CPython's.

usage: tools/numeric-sweep [--check | --digit-zeros | --unprintable]
  --check        fail if a checked-in file would change
  --digit-zeros  print the Unicode decimal digit zeros the runtime's int()/float() table must list
  --unprintable  write the runtime's table of the code points a str's repr escapes (runtime module resources)
"""

import math
import os
import subprocess
import sys
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "golden", "sweep")
PYTHON = "/usr/bin/python3.11" if os.path.exists("/usr/bin/python3.11") else sys.executable
MIN, MAX = -(1 << 63), (1 << 63) - 1
LITERAL_CHUNK = 40  # literal cases per function
JVM_STRING = 2**31 - 17  # the most UTF-16 units of a NanoPy str on the JVM

# ---------------------------------------------------------------------------------------------
# Value tables

INTS = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 2**31 - 1, 2**31, -2**31, 2**32, 2**53 - 1, 2**53, 2**53 + 1,
        -(2**53 + 1), 2**62, -2**62, 2**63 - 1, -(2**63 - 1), -2**63,
        # random-looking 62/63-bit values (true division above 2**53 must be correctly rounded)
        4611686018427387903, 3037000499, 3037000500, 1234567890123456789, -987654321987654321,
        6004799503160661, 7450580596923828125, 5764607523034234879]

FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, 0.1, 0.2, 0.3, 1 / 3, 1e-05, 1e16, 1e22,
          123456789.125, 1e308, 1.7976931348623157e308, 2.2250738585072014e-308, 2.225073858507201e-308,
          5e-324, -5e-324, 9007199254740993.0, 9.223372036854776e18, 4503599627370496.5, 1e-07, 1e15,
          math.inf, -math.inf, math.nan]

# floats around the ints of INTS: where int-float comparison and conversion must be exact
MIXED_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -7.0, 2147483648.0, 2147483647.5, 9007199254740992.0,
                9007199254740994.0, -9007199254740994.0, 4.611686018427388e18, 9.223372036854776e18,
                -9.223372036854776e18, 9.223372036854775e18, 1.2345678901234568e18, 1e300, 5e-324,
                math.inf, -math.inf, math.nan]
# the ints the mixed operations use
MIXED_INTS = [0, 1, -1, 2, -7, 2**31, -2**31, 2**53 - 1, 2**53, 2**53 + 1, -(2**53 + 1), 2**62, -2**62,
              2**63 - 1, -(2**63 - 1), -2**63, 4611686018427387903, 1234567890123456789, -987654321987654321,
              5764607523034234879]

STRS = ["", "a", "ab", "abc", "\u00e9", "\u65e5\u672c", "\U0001f600", "a\U0001f600b", "\x00", "Z", " a b ",
        "\u00a0x\u2007", "\U0010ffff"]
SMALL_INTS = [0, 1, 2, 3, -1, -2, -3, 4, -4, 100, -100, 2**31, -2**31, 2**62, 2**63 - 1, -2**63]
SLICE_INTS = [0, 1, 2, -1, -2, 5, -5, 2**63 - 1, -2**63]
CODE_POINTS = [0, 9, 10, 31, 32, 65, 126, 127, 128, 159, 160, 173, 255, 256, 0x2028, 0xd7ff, 0xd800, 0xdfff, 0xe000,
               0xfeff, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x110000, -1, 2**31 - 1, 2**31, -2**31,
               -2**31 - 1, 2**63 - 1, -2**63]

SPACES = [c for c in map(chr, range(0x110000)) if c.isspace()]
DIGIT_SAMPLES = ["\u0661\u0662\u0663", "\u06f4\u06f5", "\u0967\u0968", "\u09e7", "\u0e53", "\uff11\uff12",
                 "\U0001d7cf\U0001d7d0", "\u0663_\u0664", "1\u06623", "\u0660", "\U00011f50",  # Kawi: Unicode 15, not 3.11's
                 "\U0001e950", "\u1040\u1041", "\u00b2", "\u00bd", "\u216b", "\u2460", "\U0001fbf1"]
PARSE = (["0", "-0", "+0", "00", "007", "1", "-1", "+1", " 1", "1 ", "\t1\n", "1_000", "1__000", "_1", "1_",
          "-_1", "+-1", "--1", "+ 1", "", " ", "1 2", "0x10", "0b1", "0o7", "1.5", "1e3", "9223372036854775807",
          "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999",
          "\u200b12", "12\x00", "1" * 4301, "1" * 4300, "0" * 5000 + "1", "x" * 300,
          ".5", "5.", ".", "-.5", "1e5", "1E5", "1e+5", "1e-5", "1e", "e5", "1.5e-3", "1_0.5", "1_.5", "1._5",
          "1.5_5", "1e1_0", "1e_10", "1_e10", "inf", "-inf", "+inf", "INF", "Infinity", "-infinity", "infinit",
          "infinity_", "in_f", "nan", "-nan", "+NaN", "nan(1)", "1e500", "-1e500", "1e-400", "4.9e-324",
          "2.4703282292062328e-324", "2.4703282292062327e-324", "0.1", "0.30000000000000004",
          "9007199254740993", "9007199254740993.000000000001", "1.7976931348623157e308",
          "1.7976931348623158e308", "1.7976931348623159e308", "0x1p3", "1_000_000.000_001", " 1.5 ",
          "\u30001.5\u3000", "\u0661.\u0665", "\uff11.\uff15", "\u0661e\u0662", "1,5", "1.5.5", "--1.5", "+-1.5",
          "1e5.5", "in f", "1d", "1f", "1.5D", "1L", "0.0000000000000000000000000001e28",
          "123456789012345678901234567890e-10"]
         + DIGIT_SAMPLES + [s + "12" + s for s in SPACES] + [" -" + s + "3"for s in SPACES[:2]])

# ---------------------------------------------------------------------------------------------
# Operations: (template of the printed expression, NanoPy type of the result's operands)

INT_UNARY = ["-{a}", "+{a}", "abs({a})", "float({a})", "str({a})", "bool({a})", "not {a}", "int(str({a}))",
             "float(str({a}))", "[chr({a})]"]
ARITH = ["{a} + {b}", "{a} - {b}", "{a} * {b}", "{a} / {b}", "{a} // {b}", "{a} % {b}", "{a} ** {b}"]
COMPARE = ["{a} == {b}", "{a} != {b}", "{a} < {b}", "{a} <= {b}", "{a} > {b}", "{a} >= {b}"]
MINMAX = ["min({a}, {b})", "max({a}, {b})"]
FLOAT_UNARY = ["-{a}", "+{a}", "abs({a})", "int({a})", "str({a})", "bool({a})", "not {a}", "float(str({a}))",
               "float({a}) == {a}"]
STR_UNARY = ["len({a})", "[{a}]", "ord({a})", "bool({a})", "[{a}.strip()]", "{a}.split()", "[str({a})]", "{a} == {a}"]
STR_INT = ["[{a}[{b}]]", "[{a} * {b}]", "[{b} * {a}]", "[{a}[{b}:]]", "[{a}[:{b}]]"]
STR_STR = ["[{a} + {b}]", "{a} == {b}", "{a} != {b}", "{a} < {b}", "{a} <= {b}", "{a} > {b}", "{a} >= {b}",
           "{a} in {b}", "{a} not in {b}"]
STR_SLICE = ["[{a}[{b}:{c}]]"]
CHR = ["[chr({a})]", "ord(chr({a}))", "len(chr({a}))", "chr({a}) < chr(1000)"]
PARSE_OPS = ["int({a})", "float({a})", "[{a}.strip()]", "{a}.split()", "len({a})"]


class Section:
    """One function of a program: operand types and tables, the operations, which ones to fold."""

    def __init__(self, types, tables, ops, literal=None):
        self.types = types
        self.tables = tables
        self.ops = ops
        self.literal = literal  # how many values of each table the literal (folded) cases use


PROGRAMS = {
    "ints": [Section(["int"], [INTS], INT_UNARY, literal=12),
             Section(["int", "int"], [INTS, INTS], ARITH + COMPARE + MINMAX, literal=10)],
    "floats": [Section(["float"], [FLOATS], FLOAT_UNARY, literal=14),
               Section(["float", "float"], [FLOATS, FLOATS], ARITH + COMPARE + MINMAX, literal=9)],
    "mixed": [Section(["int", "float"], [MIXED_INTS, MIXED_FLOATS], ARITH + COMPARE, literal=8),
              Section(["float", "int"], [MIXED_FLOATS, MIXED_INTS], ARITH + COMPARE, literal=8)],
    "strings": [Section(["str"], [STRS], STR_UNARY, literal=len(STRS)),
                Section(["str", "int"], [STRS, SMALL_INTS], STR_INT, literal=5),
                Section(["str", "str"], [STRS, STRS], STR_STR, literal=6),
                Section(["str", "int", "int"], [STRS[:8], SLICE_INTS, SLICE_INTS], STR_SLICE),
                Section(["int"], [CODE_POINTS], CHR, literal=len(CODE_POINTS))],
    "parse": [Section(["str"], [PARSE], PARSE_OPS)],
}


# ---------------------------------------------------------------------------------------------
# Source text of values

def literal(v, typ):
    """NanoPy source of a value of type typ (parenthesized when it is not an atom)."""
    if typ == "int":
        if v == MIN:
            return "(-9223372036854775807 - 1)"
        return f"({v})" if v < 0 else str(v)
    if typ == "float":
        if math.isnan(v):
            return 'float("nan")'
        if math.isinf(v):
            return 'float("inf")' if v > 0 else 'float("-inf")'
        r = repr(v)
        return f"({r})" if r.startswith("-") else r
    if typ == "str":
        return ascii(v)
    raise ValueError(typ)


def show(v, typ):
    """How a value appears in a case's description."""
    if typ == "float" and (math.isnan(v) or math.isinf(v)):
        return f"float({repr(v)!r})"
    if typ == "str":
        return ascii(v) if len(v) <= 40 else f"{ascii(v[:10])}...({len(v)} characters)"
    return repr(v)


# ---------------------------------------------------------------------------------------------
# Expected outcomes

def nanopy_rule(template, args, types, value, constant):
    """The documented NanoPy limit that applies to this case, as (rule, error line), or None."""
    if "**" in template and types[:2] == ["int", "int"] and args[1] < 0 and not constant:
        return ("int ** negative int needs a float base",
                "ValueError: int ** negative int gives a float in Python; NanoPy needs a float base here")
    if "**" in template and "float" in types[:2]:
        x, y = float(args[0]), float(args[1])
        if x < 0 and math.isfinite(x) and math.isfinite(y) and y != math.floor(y):
            return ("negative float to a fractional power",
                    "ValueError: a negative float to a fractional power is a complex number, not in NanoPy")
    if isinstance(value, int) and not isinstance(value, bool) and not MIN <= value <= MAX:
        return ("64-bit int", "OverflowError: integer overflow")
    return None


def too_big(template, args, types):
    """True when CPython would take too long or too much memory for this case (its big int result
    is certainly outside 64 bits: int ** int with |base| >= 2 and exponent >= 64)."""
    if "**" in template and types[:2] == ["int", "int"]:
        base, exp = args[0], args[1]
        return abs(base) >= 2 and exp >= 64
    return False


def repeat_size(template, args, types):
    """The length of the string a str * int (or int * str) case makes, or None for other cases."""
    if "*" in template and "**" not in template and sorted(types[:2]) == ["int", "str"]:
        s, n = (args[0], args[1]) if types[0] == "str" else (args[1], args[0])
        return len(s.encode("utf-16-le")) // 2 * max(n, 0)
    return None


# Cases where CPython's answer comes from this machine's C library rather than from Python's rules,
# and the JVM's differs in the last digit: glibc's pow is not correctly rounded there (the JVM's is).
# They are left out of the sweep and listed in NAME.known (what remains to do: a port of glibc's pow).
KNOWN = {("{a} ** {b}", (2.225073858507201e-308, -0.5)):
         "glibc's pow is off by one unit in the last place here (the correctly rounded value is 6.7039039649713e+153)"}


def outcome(template, args, types, constant=False):
    """('ok', printed line), ('fail', last stderr line, rule or None) or ('known', CPython's line, why)."""
    if (template, tuple(args)) in KNOWN:
        return ("known", printed(eval(template.format(a="a", b="b", c="c"), {}, dict(zip("abc", args)))).rstrip("\n"),
                KNOWN[(template, tuple(args))])
    if too_big(template, args, types):
        return ("fail", "OverflowError: integer overflow", "64-bit int")
    size = repeat_size(template, args, types)
    if size is not None and JVM_STRING < size <= 2**50 and size <= MAX:
        # CPython would build it (or fail on this machine's memory); a JVM string holds fewer
        return ("fail", "MemoryError", "a str of more than 2**31 - 17 UTF-16 units")
    env = {name: v for name, v in zip("abc", args)}
    expr = template.format(**{n: n for n in "abc"})
    try:
        value = eval(expr, {}, env)
    except Exception as e:  # CPython's own error: the last line of its traceback
        line = traceback.format_exception_only(type(e), e)[-1].rstrip("\n")
        rule = nanopy_rule(template, args, types, None, constant)
        if rule:
            return ("fail", rule[1], rule[0])
        return ("fail", line, None)
    rule = nanopy_rule(template, args, types, value, constant)
    if rule:
        return ("fail", rule[1], rule[0])
    return ("ok", printed(value))


def printed(value):
    import io
    buf = io.StringIO()
    print(value, file=buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Program text

def program(name, sections):
    src = ["# Generated by tools/numeric-sweep from CPython (" + PYTHON + "): do not edit.",
           "# stdin -1: every case that completes, one line each; stdin 'section op index...': one case alone."]
    cases, errors, masks, known = [], [], [], []
    expected = []
    for k, sec in enumerate(sections):
        params = ", ".join(f"{n}: {t}" for n, t in zip("abc", sec.types))
        src.append("")
        src.append(f"def s{k}(op: int, {params}) -> None:")
        for i, t in enumerate(sec.ops):
            kw = "if" if i == 0 else "elif"
            src.append(f"    {kw} op == {i}:")
            src.append(f"        print({t.format(a='a', b='b', c='c')})")
    src.append("")
    for k, sec in enumerate(sections):
        for p, (typ, table) in enumerate(zip(sec.types, sec.tables)):
            src.append(f"t{k}_{p}: list[{typ}] = [" + ", ".join(literal(v, typ) for v in table) + "]")
    # masks: one character per case of each section, in loop order
    for k, sec in enumerate(sections):
        mask = []
        for i, t in enumerate(sec.ops):
            for idx, args in combos(sec):
                o = outcome(t, args, sec.types)
                desc = t.format(**{n: show(v, ty) for n, v, ty in zip("abc", args, sec.types)})
                if o[0] == "ok":
                    mask.append("0")
                    cases.append(desc)
                    expected.append(o[1])
                elif o[0] == "known":
                    mask.append("2")
                    known.append(f"{desc}\t{o[1]}\t{o[2]}")
                else:
                    mask.append("1")
                    stdin = " ".join(str(x) for x in [k, i] + list(idx))
                    rule = "cpython" if o[2] is None else "nanopy: " + o[2]
                    errors.append(f"{stdin}\t{o[1]}\t{desc}\t{rule}")
        masks.append("".join(mask))
    # literal (constant-folded) cases, in functions of LITERAL_CHUNK lines (small functions for register allocation)
    lit = []
    for k, sec in enumerate(sections):
        if not sec.literal:
            continue
        for t in sec.ops:
            for idx, args in combos(sec, sec.literal):
                o = outcome(t, args, sec.types, constant=True)
                desc = t.format(**{n: show(v, ty) for n, v, ty in zip("abc", args, sec.types)})
                if o[0] == "known":
                    if f"{desc}\t{o[1]}\t{o[2]}" not in known:
                        known.append(f"{desc}\t{o[1]}\t{o[2]}")
                    continue
                if o[0] != "ok":
                    continue
                lits = {n: literal(v, ty) for n, v, ty in zip("abc", args, sec.types)}
                lit.append((f"    print({t.format(**lits)})", desc + "  (literals)", o[1]))
    chunks = [lit[i:i + LITERAL_CHUNK] for i in range(0, len(lit), LITERAL_CHUNK)]
    for j, chunk in enumerate(chunks):
        src.append("")
        src.append(f"def lit{j}() -> None:")
        src.extend(line for line, _, _ in chunk)
    src.append("")
    for k, m in enumerate(masks):
        src.append(f'm{k}: str = "{m}"')
    src.append("sec = int(input())")
    src.append("if sec < 0:")
    for k, sec in enumerate(sections):
        src.append("    n = 0")
        src.append(f"    for op in range({len(sec.ops)}):")
        indent = "        "
        for p in range(len(sec.types)):
            src.append(f"{indent}for i{p} in range(len(t{k}_{p})):")
            indent += "    "
        src.append(f'{indent}if m{k}[n] == "0":')
        call = ", ".join(f"t{k}_{p}[i{p}]" for p in range(len(sec.types)))
        src.append(f"{indent}    s{k}(op, {call})")
        src.append(f"{indent}n += 1")
    for j, chunk in enumerate(chunks):
        src.append(f"    lit{j}()")
        cases.extend(desc for _, desc, _ in chunk)
        expected.extend(out for _, _, out in chunk)
    for k, sec in enumerate(sections):
        src.append(f"if sec == {k}:")
        src.append("    op = int(input())")
        for p in range(len(sec.types)):
            src.append(f"    i{p} = int(input())")
        call = ", ".join(f"t{k}_{p}[i{p}]" for p in range(len(sec.types)))
        src.append(f"    s{k}(op, {call})")
    return "\n".join(src) + "\n", cases, errors, "".join(expected), known


def combos(sec, limit=None):
    """(indices, values) of every combination of the section's tables, first operand outermost."""
    tables = [t[:limit] if limit else t for t in sec.tables]
    out = [((), ())]
    for table in tables:
        out = [(idx + (i,), vals + (v,)) for idx, vals in out for i, v in enumerate(table)]
    return out


def run_oracle(path, stdin):
    r = subprocess.run([PYTHON, path], input=stdin, capture_output=True, text=True, encoding="utf-8")
    return r.returncode, r.stdout, r.stderr


def digit_zeros():
    """The first code point of each run of ten Unicode decimal digits (the oracle's Unicode version)."""
    import unicodedata
    return [c for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), None) == 0]


UNPRINTABLE = os.path.join(ROOT, "runtime", "src", "main", "resources", "nanopy", "py", "interp", "unprintable.txt")


def write_unprintable():
    """Writes the ranges of code points that the oracle's str.isprintable() rejects (its repr escapes
    them), for the runtime's repr: the JDK's newer Unicode assigns (and prints) more characters."""
    import unicodedata
    ranges, start = [], None
    for c in range(sys.maxunicode + 1):
        printable = chr(c).isprintable()
        if not printable and start is None:
            start = c
        if printable and start is not None:
            ranges.append((start, c - 1))
            start = None
    if start is not None:
        ranges.append((start, sys.maxunicode))
    with open(UNPRINTABLE, "w", encoding="ascii") as f:
        f.write(f"# Code points CPython {sys.version.split()[0]} (Unicode {unicodedata.unidata_version}) does not print in a"
                " str's repr,\n# one range a line (first last, hex). Written by tools/numeric-sweep --unprintable.\n")
        for a, b in ranges:
            f.write(f"{a:x} {b:x}\n")
    print(f"{len(ranges)} ranges -> {UNPRINTABLE}")


def main():
    if "--digit-zeros" in sys.argv[1:]:
        import unicodedata
        print(f"Unicode {unicodedata.unidata_version}: " + ", ".join(f"0x{c:X}" for c in digit_zeros()))
        return
    if "--unprintable" in sys.argv[1:]:
        write_unprintable()
        return
    check = "--check" in sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    changed = []
    total_ok = total_fail = 0
    for name, sections in PROGRAMS.items():
        src, cases, errors, expected, known = program(name, sections)
        path = os.path.join(OUT, name + ".py")
        files = {name + ".py": src}
        tmp = path + ".tmp.py"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(src)
        try:
            status, out, err = run_oracle(tmp, "-1\n")
            if status != 0:
                sys.exit(f"{name}: CPython failed on stdin -1:\n{err}")
            if out != expected:
                a, b = out.split("\n"), expected.split("\n")
                i = next(i for i in range(min(len(a), len(b))) if a[i] != b[i]) if a != b else 0
                sys.exit(f"{name}: the program's output differs from the computed cases at line {i + 1}: "
                         f"{a[i:i+1]} vs {b[i:i+1]} ({cases[i] if i < len(cases) else '?'})")
            # spot-check CPython's own errors by running the program (every 25th, plus the first)
            for j, e in enumerate(errors):
                stdin, line, desc, rule = e.split("\t")
                if rule == "cpython" and j % 25 == 0:
                    st, o, er = run_oracle(tmp, "\n".join(stdin.split()) + "\n")
                    last = er.rstrip("\n").split("\n")[-1]
                    if st != 1 or last != line or o:
                        sys.exit(f"{name}: case {desc}: CPython's run ends with {last!r}, computed {line!r}")
        finally:
            os.remove(tmp)
        files[name + ".golden"] = out
        files[name + ".cases"] = "\n".join(cases) + "\n"
        files[name + ".errors"] = "\n".join(errors) + "\n"
        if known:
            files[name + ".known"] = "\n".join(known) + "\n"
        total_ok += len(cases)
        total_fail += len(errors)
        for fname, text in files.items():
            p = os.path.join(OUT, fname)
            old = open(p, encoding="utf-8").read() if os.path.exists(p) else None
            if old != text:
                changed.append(fname)
                if not check:
                    with open(p, "w", encoding="utf-8") as f:
                        f.write(text)
    print(f"{total_ok} cases that complete, {total_fail} that fail, in {len(PROGRAMS)} programs under {OUT}")
    if changed:
        print(("would change: " if check else "wrote: ") + ", ".join(changed))
        if check:
            sys.exit(1)


if __name__ == "__main__":
    main()
