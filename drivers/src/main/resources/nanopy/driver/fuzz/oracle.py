"""nanopy fuzz's oracle: runs NanoPy programs on CPython in one process, as NanoPy defines them.

usage: python3 oracle.py TIMEOUT DIR NAME...
Runs DIR/NAME.py for each NAME (stdin from DIR/NAME.in when present) and writes DIR/NAME.out (stdout)
and DIR/NAME.res (the exit status, then the last stderr line: "Class: message" or empty). Every int
result of an operator or of int()/abs() outside the 64-bit range raises
"OverflowError: integer overflow", as NanoPy does where CPython would grow a big int; input_int() is
defined. A program that runs longer than TIMEOUT seconds gets status "timeout" and ends this process
(exit 3): the caller restarts it on the remaining programs.
"""
import ast
import io
import os
import sys
import threading
import traceback

MIN, MAX = -(1 << 63), (1 << 63) - 1


def _nanopy_chk(v):
    if type(v) is int and not MIN <= v <= MAX:
        raise OverflowError("integer overflow")
    return v


def _aug(op):
    def run(a, b):
        if op == "+": a += b
        elif op == "-": a -= b
        elif op == "*": a *= b
        elif op == "/": a /= b
        elif op == "//": a //= b
        elif op == "%": a %= b
        elif op == "**": a **= b
        else: raise AssertionError(op)
        return _nanopy_chk(a)
    return run


OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**"}
CHECKED_CALLS = {"int", "abs", "sum", "round"}


class CheckInts(ast.NodeTransformer):
    """Wraps every arithmetic result in _nanopy_chk; x op= e becomes x = _nanopy_aug_op(x, e)."""

    def wrap(self, node):
        return ast.copy_location(ast.Call(ast.Name("_nanopy_chk", ast.Load()), [node], []), node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self.wrap(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return self.wrap(node) if isinstance(node.op, (ast.USub, ast.UAdd)) else node

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in CHECKED_CALLS:
            return self.wrap(node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        op = OPS.get(type(node.op))
        if not isinstance(node.target, ast.Name) or op is None:
            return node
        helper = ast.Name("_nanopy_aug_" + {"+": "add", "-": "sub", "*": "mul", "/": "div", "//": "floordiv", "%": "mod",
                                             "**": "pow"}[op], ast.Load())
        call = ast.Call(helper, [ast.Name(node.target.id, ast.Load()), node.value], [])
        return ast.copy_location(ast.Assign([ast.Name(node.target.id, ast.Store())], call), node)


def namespace():
    ns = {"__name__": "__main__", "_nanopy_chk": _nanopy_chk, "input_int": lambda: int(input())}
    for op, name in (("+", "add"), ("-", "sub"), ("*", "mul"), ("/", "div"), ("//", "floordiv"), ("%", "mod"), ("**", "pow")):
        ns["_nanopy_aug_" + name] = _aug(op)
    return ns


def last_line(e):
    line = traceback.format_exception_only(type(e), e)[-1].strip()
    if isinstance(e, RecursionError):
        return "RecursionError: maximum recursion depth exceeded"
    return line


def run_one(path, stdin_path, result):
    out = io.StringIO()
    saved = sys.stdout, sys.stdin
    sys.stdout = out
    sys.stdin = io.StringIO(open(stdin_path, encoding="utf-8").read() if os.path.exists(stdin_path) else "")
    status, error = 0, ""
    try:
        source = open(path, encoding="utf-8").read()
        tree = ast.fix_missing_locations(CheckInts().visit(ast.parse(source, path)))
        exec(compile(tree, path, "exec"), namespace())
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    except BaseException as e:  # the program's own error, reported like CPython's last traceback line
        status, error = 1, last_line(e)
    finally:
        sys.stdout, sys.stdin = saved
    result.extend([status, error, out.getvalue()])


def main():
    timeout = float(sys.argv[1])
    folder = sys.argv[2]
    sys.setrecursionlimit(200_000)
    threading.stack_size(1 << 28)
    for name in sys.argv[3:]:
        base = os.path.join(folder, name)
        result = []
        t = threading.Thread(target=run_one, args=(base + ".py", base + ".in", result), daemon=True)
        t.start()
        t.join(timeout)
        if t.is_alive():
            with open(base + ".res", "w", encoding="utf-8") as f:
                f.write("timeout\n\n")
            sys.stdout.flush()
            os._exit(3)
        status, error, text = result
        with open(base + ".out", "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(text)
        with open(base + ".res", "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(f"{status}\n{error}\n")


if __name__ == "__main__":
    main()
