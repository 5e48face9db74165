# Numbers in every form
0; 00; 0_0; 7; 1_000_000; 0x_FF; 0XdeadBEEF; 0o17; 0O7_7; 0b1010; 0B1_1
123456789012345678901234567890123456789
1.5; 1.; .5; 1e10; 1E-3; 1.5e+3; 1_0.0_1; 08.5; 1e999; 0.1; 1e16; 1e15; 1e-5; 0.0001; 123.456e-7
1j; 2.5J; 1e16j; 0j; 1e999j; 1_0j
x = 1if True else 2
# Strings: every prefix, quotes, escapes
'a'; "b"; '''c'''; """d"""; r'\n'; R"\d"; u'x'; U"y"; b'z'; B"w"; br'\x'; rb'\y'; Rb"q"; bR'r'; BR"s"
'\a\b\f\n\r\t\v\\\'\"\0\7\77\101\x41\u00e9\U0001F600\N{BULLET}\N{latin small letter a}'
b'\a\b\f\n\r\t\v\\\'\"\0\x41\xff\u00e9'
'\d\w\ '
'it\'s'; "it's"; 'say "hi"'; 'both \' and "'; "both ' and \""
'line\
continued'
"""multi
line 'string' with "quotes"
"""
'é ü 日本 😀 \u2028 \u200b \xa0 \x7f \x80 \ufeff \ue000'
'a' 'b' "c" '''d'''
u'a' 'b'
'a' u'b'
b'a' b'b' rb'c'
'' ""; b''
r'\'' r"\""
Ellipsis; ...; None; True; False
