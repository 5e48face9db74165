package nanopy.targets.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nanopy.ir.IrChecker;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.stackvm.StackCode;
import org.junit.jupiter.api.Test;

/** What emit-stack-code makes of each construct, before any optimization. */
class EmitStackCodeTest {
    private static List<String> module(String globals, String body) {
        return Programs.instructions(Programs.emit(Programs.module(globals, body)), EmitStackCode.MODULE);
    }

    @Test
    void chainedAssignmentCopiesTheValueForAllButTheLastTarget() {
        assertEquals(List.of("LOAD_CONST 0", "COPY 1", "STORE_GLOBAL 0", "STORE_GLOBAL 1", "LOAD_CONST 1", "RETURN_VALUE"),
                module("(Local \"a\" :int) (Local \"b\" :int)",
                        "(Assign [(GlobalTarget \"a\" :int) (GlobalTarget \"b\" :int)] (IntLit 1))"));
    }

    @Test
    void itemAssignmentEvaluatesTheValueBeforeTheListAndIndex() {
        assertEquals(List.of("LOAD_CONST 0", "LOAD_GLOBAL 0", "LOAD_CONST 1", "STORE_SUBSCR_LIST_INT", "LOAD_CONST 2",
                "RETURN_VALUE"), module("(Local \"xs\" (ListType :int))",
                        "(Assign [(ItemTarget (GlobalVar \"xs\" (ListType :int)) (IntLit 0) :int)] (IntLit 5))"));
    }

    @Test
    void anAppendStatementIsListAppend() {
        assertEquals(List.of("LOAD_GLOBAL 0", "LOAD_CONST 0", "LIST_APPEND 1", "POP_TOP", "LOAD_CONST 1", "RETURN_VALUE"),
                module("(Local \"xs\" (ListType :int))",
                        "(ExprStmt (Prim ListAppend [(GlobalVar \"xs\" (ListType :int)) (IntLit 5)] :none))"));
    }

    @Test
    void loopsTestAtTheTopAndBreakAndContinueJumpOutAndBack() {
        // while b: if b: break; continue
        assertEquals(List.of("LOAD_GLOBAL 0", "POP_JUMP_IF_FALSE 5", "LOAD_GLOBAL 0", "POP_JUMP_IF_FALSE 1",
                "JUMP_FORWARD 2", "JUMP_BACKWARD 6", "JUMP_BACKWARD 7", "LOAD_CONST 0", "RETURN_VALUE"),
                module("(Local \"b\" :bool)", "(While (GlobalVar \"b\" :bool) [(If (GlobalVar \"b\" :bool) [(Break)] [])"
                        + " (Continue)])"));
    }

    @Test
    void closuresAreMadeFromTheirRecordAndACodeConstant() {
        StackCode.Program p = Programs.emit(Programs.closed(Programs.COUNTER));
        assertEquals(List.of("LOAD_FAST 0", "LOAD_CONST 0", "BUILD_RECORD 1", "STORE_FAST 1", "LOAD_CONST 1",
                "LOAD_FAST 1", "STORE_SLOT 1", "LOAD_FAST 1", "LOAD_CONST 2", "MAKE_FUNCTION", "STORE_FAST 2",
                "LOAD_FAST 2", "RETURN_VALUE", "LOAD_CONST 0", "RETURN_VALUE"), Programs.instructions(p, "make"));
        assertEquals(List.of("LOAD_FAST 0", "LOAD_SLOT 1", "LOAD_CONST 0", "BINARY_OP_ADD_INT 0", "LOAD_FAST 0",
                "STORE_SLOT 1", "LOAD_FAST 0", "LOAD_SLOT 1", "RETURN_VALUE", "LOAD_CONST 1", "RETURN_VALUE"),
                Programs.instructions(p, "inc"));
    }

    @Test
    void theOutputIsWellFormedAndRoundTripsAsIrText() throws IrError {
        StackCode.Program p = Programs.emit(Programs.closed(Programs.FACTORIAL));
        assertEquals(List.of(), IrChecker.check(StackCode.LANGUAGE, p));
        assertEquals(p, IrText.parse(StackCode.LANGUAGE, IrText.print(StackCode.LANGUAGE, p, true)));
        assertEquals(List.of("<module>", "fact"), p.codes().map(StackCode.Code::name).asJava());
    }
}
