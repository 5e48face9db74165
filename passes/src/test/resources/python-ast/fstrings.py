x = y = w = 1
f''
f'plain'
f"{x}"
f"a{x}b{y}c"
f"{x!r} {x!s} {x!a}"
f"{x:>10}"
f"{x:{w}.{y}f}"
f"{x!r:^{w}}"
f"{x=}"
f"{x = }"
f"{x=!s}"
f"{x=:>4}"
f"a{x=}b"
f"{{literal}} {{{x}}}"
f'{"nested"}'
f"{'a' + 'b'}"
f'''{x
}'''
f"{x:}"
f"{x:a{{b}}c}"
f"{x:{y:>3}}"
f"{(lambda: 1)()}"
f"{x if y else w}"
f"{x, y}"
f"{ {'a': 1}['a'] }"
f"{[i for i in range(3)]}"
f"\n\t{x}\\"
rf"\d{x}\n"
fr'{x}\\'
f"\{x}"
'a' f'b{x}' 'c' f'd'
F"{x}" Rf"{y}" fR"{w}" RF"{x}"
f"{x:%H:%M}"
f"{3.14:.2f}"
f"{x!r:}"
f"\N{BULLET} {x}"
f"{f'{x}'}"
f"{x:{'>'}{10}}"
f'{x:=10}'
f'{(x:=10)}'
f"{x}" f"" f"{y}"
f"{'''triple'''}"
