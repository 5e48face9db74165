"""Writes the .golden and .err files of golden programs by running them on CPython (see regen-expected).

A .py program runs with the recursion limit raised on a thread with a large stack (NanoPy allows
deeper recursion than CPython's default) and, when it calls input_int(), with
    def input_int() -> int: return int(input())
prepended. A .arith program (nanopy's example language) is translated to one Python expression:
`let x = a in b` becomes `(lambda x: b)(a)`, and every +, -, * and unary minus is checked against the
64-bit range, failing like nanopy with `OverflowError: integer overflow`.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

SHIM = "def input_int() -> int: return int(input())\n"

# Runs the program text given on stdin's first argument file under __main__, as CPython would run a
# script, but with deep recursion allowed; prints the traceback and exits 1 on an uncaught error.
RUNNER = r"""
import sys, threading, traceback
path, stdin_path = sys.argv[1], sys.argv[2]
source = open(path, encoding="utf-8").read()
display = sys.argv[3]
if stdin_path:
    sys.stdin = open(stdin_path, encoding="utf-8")
sys.setrecursionlimit(1_000_000)
threading.stack_size(1 << 29)
status = [0]
def main():
    try:
        exec(compile(source, display, "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        status[0] = e.code if isinstance(e.code, int) else 1
    except BaseException:
        traceback.print_exc()
        status[0] = 1
t = threading.Thread(target=main)
t.start()
t.join()
sys.stdout.flush()
sys.exit(status[0])
"""

MIN, MAX = -(1 << 63), (1 << 63) - 1
CHECK = (
    "def _chk(v):\n"
    f"    if v < {MIN} or v > {MAX}:\n"
    "        raise OverflowError('integer overflow')\n"
    "    return v\n"
)


class ArithSyntaxError(Exception):
    pass


def arith_tokens(text):
    toks = []
    for m in re.finditer(r"#[^\n]*|\s+|(\d\w*)|([A-Za-z_]\w*)|([-+*()=])|(.)", text):
        num, name, op, bad = m.groups()
        if bad:
            raise ArithSyntaxError(f"unexpected character {bad!r}")
        if num:
            toks.append(("int", num))
        elif name:
            toks.append((name if name in ("let", "in") else "name", name))
        elif op:
            toks.append((op, op))
    toks.append(("end", ""))
    return toks


def arith_to_python(text):
    """The Python expression equivalent to an Arith program (same grammar as nanopy's ParseArith)."""
    toks = arith_tokens(text)
    pos = [0]

    def peek():
        return toks[pos[0]][0]

    def take(kind):
        k, v = toks[pos[0]]
        if k != kind:
            raise ArithSyntaxError(f"expected {kind}, found {v or 'the end'}")
        pos[0] += 1
        return v

    def expr():
        if peek() == "let":
            take("let")
            name = take("name")
            take("=")
            rhs = expr()
            take("in")
            body = expr()
            return f"(lambda {name}: {body})({rhs})"
        left = product()
        while peek() in ("+", "-"):
            op = take(peek())
            left = f"_chk({left} {op} {product()})"
        return left

    def product():
        left = unary()
        while peek() == "*":
            take("*")
            left = f"_chk({left} * {unary()})"
        return left

    def unary():
        k = peek()
        if k == "-":
            take("-")
            return f"_chk(-{unary()})"
        if k == "int":
            v = take("int")
            if not v.isdigit() or int(v) > MAX:
                raise ArithSyntaxError(f"bad integer literal {v}")
            return v
        if k == "name":
            return take("name")
        if k == "(":
            take("(")
            e = expr()
            take(")")
            return e
        raise ArithSyntaxError(f"unexpected {toks[pos[0]][1] or 'end of input'}")

    e = expr()
    take("end")
    return CHECK + f"print({e})\n"


def python_text(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".arith"):
        return arith_to_python(text)
    if re.search(r"\binput_int\s*\(", text) and not re.search(r"^def input_int\b", text, re.M):
        return SHIM + text
    return text


def regenerate(python, path):
    base = path[: path.rindex(".")]
    golden, err = base + ".golden", base + ".err"
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    if first.startswith("# error:"):
        for stale in (golden, err):
            if os.path.exists(stale):
                os.remove(stale)
        return "rejected (no expected output)"
    text = python_text(path)
    tmp = base + ".oracle.py"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    stdin = base + ".in" if os.path.exists(base + ".in") else ""
    try:
        r = subprocess.run([python, "-c", RUNNER, tmp, stdin, os.path.basename(path)], capture_output=True, text=True, timeout=600)
    finally:
        os.remove(tmp)
    with open(golden, "w", encoding="utf-8") as f:
        f.write(r.stdout)
    if r.returncode == 0:
        if os.path.exists(err):
            os.remove(err)
        return "ok"
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    if path.endswith(".arith") and lines and lines[-1].startswith("SyntaxError"):
        os.remove(golden)
        raise ArithSyntaxError("CPython cannot compile the translation: " + lines[-1])
    with open(err, "w", encoding="utf-8") as f:
        f.write((lines[-1] if lines else f"exit status {r.returncode}") + "\n")
    return "fails: " + (lines[-1] if lines else str(r.returncode))


def programs(args):
    for a in args:
        if os.path.isdir(a):
            for d, _, files in sorted(os.walk(a)):
                for f in sorted(files):
                    if f.endswith((".py", ".arith")) and not f.endswith(".oracle.py"):
                        yield os.path.join(d, f)
        else:
            yield a


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default="python3")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="programs run at once")
    ap.add_argument("paths", nargs="+")
    ns = ap.parse_args()

    def one(p):
        try:
            return 0, f"{p}: {regenerate(ns.python, p)}"
        except ArithSyntaxError as e:
            return 1, f"{p}: cannot translate ({e}); give it a '# error:' header if it must be rejected"

    status = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, ns.jobs)) as pool:
        for bad, line in pool.map(one, list(programs(ns.paths))):
            print(line, file=sys.stderr if bad else sys.stdout, flush=True)
            status |= bad
    return status


if __name__ == "__main__":
    sys.exit(main())
