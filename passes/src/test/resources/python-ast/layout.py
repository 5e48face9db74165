if True:
	x = 1
	if x:
		y = 2
		# comment

		z = 3

w = [
    1,
  2,
        3]
v = 1 + \
    2
u = (1,
# comment inside
     2)
if x:
        a = 1
        b = 2
else:
  c = 3
d = 4
class K:

    def m(self):

        pass
   
    # trailing comment
x = """
  not indentation
"""
def f(
    a,
    b,
):
    return {
        "k": [
            1,
        ],
    }
