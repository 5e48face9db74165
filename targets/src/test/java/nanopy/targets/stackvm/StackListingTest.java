package nanopy.targets.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nanopy.ir.DumpFormat;
import nanopy.stackvm.StackCode;
import org.junit.jupiter.api.Test;

/** The dis-style listing of stack code. */
class StackListingTest {
    private static String listing(StackCode.Program p) {
        return DumpFormat.forLanguage("StackCode").orElseThrow().format(p);
    }

    /** Source line where a line starts, offset, opname, argument, its meaning, >> on jump targets. */
    @Test
    void listsLikePythonDis() {
        String expected = """
                  1           0 LOAD_CONST               0 (None)
                              2 LOAD_CONST               1 (<code object fact, line 1>)
                              4 MAKE_FUNCTION
                              6 STORE_GLOBAL             0 (fact)

                  5           8 LOAD_CONST               2 (0)
                             10 STORE_GLOBAL             1 (i)

                  6     >>   12 LOAD_GLOBAL              1 (i)
                             14 LOAD_CONST               3 (6)
                             16 COMPARE_OP_INT          26 (<)
                             18 POP_JUMP_IF_FALSE       13 (to 46)

                  7          20 LOAD_GLOBAL              1 (i)
                             22 LOAD_GLOBAL              0 (fact)
                             24 LOAD_GLOBAL              1 (i)
                             26 CALL                     1
                             28 LOAD_CONST               4 (' ')
                             30 LOAD_CONST               5 ('\\n')
                             32 CALL_PRINT               2
                             34 POP_TOP

                  8          36 LOAD_GLOBAL              1 (i)
                             38 LOAD_CONST               6 (1)
                             40 BINARY_OP_ADD_INT        0 (+)
                             42 STORE_GLOBAL             1 (i)

                  6          44 JUMP_BACKWARD           17 (to 12)
                        >>   46 LOAD_CONST               0 (None)
                             48 RETURN_VALUE

                Disassembly of <code object fact, line 1>:
                  2           0 LOAD_FAST                1 (n)
                              2 LOAD_CONST               0 (1)
                              4 COMPARE_OP_INT          27 (<=)
                              6 POP_JUMP_IF_FALSE        2 (to 12)

                  3           8 LOAD_CONST               0 (1)
                             10 RETURN_VALUE

                  4     >>   12 LOAD_FAST                1 (n)
                             14 LOAD_GLOBAL              0 (fact)
                             16 LOAD_FAST                1 (n)
                             18 LOAD_CONST               0 (1)
                             20 BINARY_OP_SUBTRACT_INT     1 (-)
                             22 CALL                     1
                             24 BINARY_OP_MULTIPLY_INT     2 (*)
                             26 RETURN_VALUE
                             28 LOAD_CONST               1 (None)
                             30 RETURN_VALUE
                """;
        assertEquals(expected, listing(Programs.emit(Programs.closed(Programs.FACTORIAL))) + "\n");
    }

    /** The peephole pass returned constants directly and dropped the unreachable return None. */
    @Test
    void listsAfterPeepholeToo() {
        String expected = """
                  1           0 LOAD_CONST               0 (None)
                              2 LOAD_CONST               1 (<code object fact, line 1>)
                              4 MAKE_FUNCTION
                              6 STORE_GLOBAL             0 (fact)

                  5           8 LOAD_CONST               2 (0)
                             10 STORE_GLOBAL             1 (i)

                  6     >>   12 LOAD_GLOBAL              1 (i)
                             14 LOAD_CONST               3 (6)
                             16 COMPARE_OP_INT          26 (<)
                             18 POP_JUMP_IF_FALSE       13 (to 46)

                  7          20 LOAD_GLOBAL              1 (i)
                             22 LOAD_GLOBAL              0 (fact)
                             24 LOAD_GLOBAL              1 (i)
                             26 CALL                     1
                             28 LOAD_CONST               4 (' ')
                             30 LOAD_CONST               5 ('\\n')
                             32 CALL_PRINT               2
                             34 POP_TOP

                  8          36 LOAD_GLOBAL              1 (i)
                             38 LOAD_CONST               6 (1)
                             40 BINARY_OP_ADD_INT        0 (+)
                             42 STORE_GLOBAL             1 (i)

                  6          44 JUMP_BACKWARD           17 (to 12)
                        >>   46 RETURN_CONST             0 (None)

                Disassembly of <code object fact, line 1>:
                  2           0 LOAD_FAST                1 (n)
                              2 LOAD_CONST               0 (1)
                              4 COMPARE_OP_INT          27 (<=)
                              6 POP_JUMP_IF_FALSE        1 (to 10)

                  3           8 RETURN_CONST             0 (1)

                  4     >>   10 LOAD_FAST                1 (n)
                             12 LOAD_GLOBAL              0 (fact)
                             14 LOAD_FAST                1 (n)
                             16 LOAD_CONST               0 (1)
                             18 BINARY_OP_SUBTRACT_INT     1 (-)
                             20 CALL                     1
                             22 BINARY_OP_MULTIPLY_INT     2 (*)
                             24 RETURN_VALUE
                """;
        assertEquals(expected, listing(Programs.optimize(Programs.emit(Programs.closed(Programs.FACTORIAL)))) + "\n");
    }
}
