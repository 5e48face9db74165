package nanopy.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.ArithAtomic;
import nanopy.example.ArithFlat;
import nanopy.example.ArithRewriter;
import nanopy.example.ArithWalker;
import nanopy.py.PySyntax;
import org.junit.jupiter.api.Test;

class IrRuntimeTest {
    static final Arith.Program PROGRAM = new Arith.Program(new Arith.Let("x", new Arith.Int(5, new Span(1, 9, 1, 10)),
            new Arith.Prim(Arith.Op.Add, List.of(new Arith.Var("x", new Span(2, 1, 2, 2)), new Arith.Int(-1))), new Span(1, 1, 2, 6)));

    @Test
    void printsAndParsesBackWithSpans() throws IrError {
        String text = IrText.print(Arith.LANGUAGE, PROGRAM, true);
        assertEquals("(Program (Let@1:1-2:6 \"x\" (Int@1:9-1:10 5) (Prim Add [(Var@2:1-2:2 \"x\") (Int -1)])))", text);
        assertEquals(PROGRAM, IrText.parse(Arith.LANGUAGE, text));
    }

    @Test
    void roundTripsEveryScalarKindAndOptionals() throws IrError {
        PySyntax.Module m = new PySyntax.Module(List.of(
                new PySyntax.ExprStmt(new PySyntax.Constant(new PySyntax.StrConst("tab\there \"q\" \\ \u0001"), io.vavr.control.Option.none())),
                new PySyntax.ExprStmt(new PySyntax.Constant(new PySyntax.FloatConst(Double.NEGATIVE_INFINITY), io.vavr.control.Option.some("u"))),
                new PySyntax.ExprStmt(new PySyntax.Constant(new PySyntax.IntConst(new java.math.BigInteger("123456789012345678901234567890")),
                        io.vavr.control.Option.none())),
                new PySyntax.Return(io.vavr.control.Option.none()),
                new PySyntax.ImportFrom(io.vavr.control.Option.some("typing"), List.of(new PySyntax.Alias("Callable", io.vavr.control.Option.none())), 0),
                new PySyntax.AnnAssign(new PySyntax.Name("x", PySyntax.ExprContext.Store), new PySyntax.Name("int", PySyntax.ExprContext.Load),
                        io.vavr.control.Option.some(new PySyntax.Constant(new PySyntax.BoolConst(true), io.vavr.control.Option.none())), true)));
        String text = IrText.print(PySyntax.LANGUAGE, m, true);
        assertEquals(m, IrText.parse(PySyntax.LANGUAGE, text));
    }

    @Test
    void trailingAbsentOptionalFieldsMayBeLeftOut() throws IrError {
        PySyntax.Module m = new PySyntax.Module(List.of(new PySyntax.Raise(io.vavr.control.Option.none(), io.vavr.control.Option.none())));
        assertEquals(m, IrText.parse(PySyntax.LANGUAGE, "(Module [(Raise)])"));
        assertEquals(m, IrText.parse(PySyntax.LANGUAGE, "(Module [(Raise _)])"));
        assertEquals("1:11: Assign has 2 fields Assign(Expr* targets, Expr value) but got 1",
                assertThrows(IrError.class, () -> IrText.parse(PySyntax.LANGUAGE, "(Module [(Assign [])])")).getMessage());
    }

    @Test
    void longProgramsAreLaidOutOnSeveralLines() {
        Arith.Expr e = new Arith.Int(1);
        for (int i = 0; i < 30; i++) {
            e = new Arith.Prim(Arith.Op.Add, List.of(e, new Arith.Var("variable" + i)));
        }
        String text = IrText.print(Arith.LANGUAGE, new Arith.Program(e), false);
        assertTrue(text.lines().count() > 10, text);
        assertTrue(text.lines().allMatch(l -> l.length() <= IrText.WIDTH + 40), text);
    }

    @Test
    void aNodeOfTheWrongNonterminalIsReportedWithProductionAndField() {
        IrError e = assertThrows(IrError.class, () -> IrText.parse(ArithAtomic.LANGUAGE,
                "(Program\n  (Prim Add [(Int 1) (Prim Sub [(Int 2) (Int 1)])]))"));
        assertEquals("2:23: expected Atom but got Prim in field args of Prim", e.getMessage());
    }

    @Test
    void unknownProductionsAndBadFieldsAreReported() {
        assertEquals("1:11: language Arith has no production Lett (did you mean Let?)",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Program (Lett \"x\" (Int 1) (Int 2)))")).getMessage());
        assertEquals("1:11: Int has 1 field Int(long value) but got 2",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Program (Int 1 2))")).getMessage());
        assertEquals("1:16: expected one of Add, Sub, Mul (Op) but got Div in field op of Prim",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Program (Prim Div []))")).getMessage());
        assertEquals("1:15: expected long but got x in field value of Int",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Program (Int x))")).getMessage());
        assertEquals("1:1: '(' is never closed",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Program (Int 1)")).getMessage());
        assertEquals("1:2: expected Program but got Int in the program",
                assertThrows(IrError.class, () -> IrText.parse(Arith.LANGUAGE, "(Int 1)")).getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void checkerFindsANodeSmuggledPastTheTypes() {
        List args = List.of(new ArithAtomic.Int(1), new Arith.Int(2, new Span(3, 4, 3, 5)));
        ArithAtomic.Program bad = new ArithAtomic.Program(new ArithAtomic.Prim(Arith.Op.Add, (List<ArithAtomic.Atom>) args));
        assertEquals(java.util.List.of("expected Atom but got Int in field args of Prim"),
                IrChecker.check(ArithAtomic.LANGUAGE, bad).stream().map(s -> s.replaceAll(" at .*", "")).toList());
        assertEquals(java.util.List.of(), IrChecker.check(Arith.LANGUAGE, PROGRAM));
        assertEquals(java.util.List.of("expected Program (the entry of ArithFlat) but got Program"),
                IrChecker.check(ArithFlat.LANGUAGE, PROGRAM));
    }

    @Test
    void rewriterKeepsUnchangedTreesIdentical() {
        assertSame(PROGRAM, new ArithRewriter().rewrite(PROGRAM));
        Arith.Program renamed = new ArithRewriter() {
            @Override
            protected Arith.Expr onVar(Arith.Var node) {
                return new Arith.Var("y", node.span());
            }
        }.rewrite(PROGRAM);
        assertNotSame(PROGRAM, renamed);
        Arith.Let let = (Arith.Let) renamed.body();
        assertSame(((Arith.Let) PROGRAM.body()).rhs(), let.rhs(), "an untouched subtree is shared");
    }

    @Test
    void walkerVisitsEveryNodeInOrder() {
        StringBuilder seen = new StringBuilder();
        new ArithWalker() {
            @Override
            protected void onVar(Arith.Var node) {
                seen.append(node.name());
            }

            @Override
            protected void onInt(Arith.Int node) {
                seen.append(node.value()).append(' ');
            }
        }.walk(PROGRAM);
        assertEquals("5 x-1 ", seen.toString());
    }

    @Test
    void describeMarksWhatChangedFromTheParent() {
        String d = Grammars.describe(ArithAtomic.LANGUAGE, Arith.LANGUAGE);
        assertTrue(d.contains("language ArithAtomic extends Arith"), d);
        assertTrue(d.contains("   + | Prim(Op op, Atom* args)"), d);
        assertTrue(d.contains("   - | Prim(Op op, Expr* args)"), d);
        assertTrue(d.contains("  Atom =   (new)"), d);
        String flat = Grammars.describe(ArithFlat.LANGUAGE, ArithAtomic.LANGUAGE);
        assertTrue(flat.contains("   - | Let(String name, Expr rhs, Expr body)"), flat);
    }

    @Test
    void describeShowsOnlyWhatTheEntryReaches() {
        // PyResolved keeps PySyntax's declarations of patterns, handlers, operators, ... that none of
        // its productions reach any more; describe leaves them out and names them on one line.
        String r = Grammars.describe(nanopy.py.PyResolved.LANGUAGE, nanopy.py.PyCore.LANGUAGE);
        assertTrue(!r.contains("  Pattern ="), r);
        assertTrue(r.contains("(declared but unreachable from the entry, not shown: ") && r.contains("Pattern"), r);
        // PyTyped removes them ('-= Pattern | ...'): nothing of the Python surface is left below it
        String d = Grammars.describe(nanopy.py.PyTyped.LANGUAGE, nanopy.py.PyResolved.LANGUAGE);
        assertTrue(d.contains("  terminal Operator =   (removed, or no longer reachable)") && !d.contains("     | MatMult"), d);
        assertTrue(d.contains("  Stmt =") && d.contains("  terminal PrimOp =   (new)"), d);
        assertTrue(Grammars.unreachable(nanopy.py.PyTyped.LANGUAGE).isEmpty(), d);
        assertTrue(Grammars.unreachable(nanopy.py.Blocks.LANGUAGE).isEmpty());
        assertTrue(Grammars.unreachable(Arith.LANGUAGE).isEmpty());
        assertTrue(!Grammars.describe(ArithAtomic.LANGUAGE, Arith.LANGUAGE).contains("unreachable"));
        assertTrue(Grammars.reachable(PySyntax.LANGUAGE).contains("Pattern"));
    }

    @Test
    void diffListsOnlyDifferences() {
        String d = Grammars.diff(Arith.LANGUAGE, ArithFlat.LANGUAGE);
        assertTrue(d.contains("Stmt (only in ArithFlat)\n  + Assign(String name, Expr rhs)"), d);
        assertTrue(d.contains("entry\n  - Program(Expr body)\n  + Program(Stmt* body, Atom result)"), d);
        assertTrue(Grammars.diff(Arith.LANGUAGE, Arith.LANGUAGE).contains("no difference"));
    }

    @Test
    void registryFindsLanguagesByNameAndEntryType() {
        assertSame(ArithAtomic.LANGUAGE, Languages.byName("ArithAtomic").orElseThrow());
        assertSame(ArithFlat.LANGUAGE, Languages.of(new ArithFlat.Program(List.empty(), new ArithFlat.Int(1))).orElseThrow());
        assertTrue(Interpreters.forLanguage("ArithFlat").isPresent());
    }
}
