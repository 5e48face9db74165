package nanopy.passes.opt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaWalker;

/**
 * Which functions of a {@link NoLambda} program {@code inline} may copy into their callers: a
 * {@code def} at the top level of the module that
 * <ul>
 *   <li>is the only binding of its (global) name, so every call through that name reaches it;
 *   <li>comes after top-level statements that call nothing, so it is defined before any call to
 *       it can run (an inlined call cannot raise the NameError the real one would);
 *   <li>defines no nested function (so none of its variables is captured);
 *   <li>is not recursive, directly or through other functions (it cannot reach itself in the
 *       graph of which top-level functions mention which).
 * </ul>
 * Size and the shape of its returns are checked when it is inlined ({@link InlineBody}).
 */
final class InlineCandidates {
    private InlineCandidates() {}

    /** The candidates of {@code program} by name, in program order. */
    static Map<String, NoLambda.FunctionDef> of(NoLambda.Module program) {
        Map<String, Integer> bindings = bindings(program);
        Map<String, NoLambda.FunctionDef> topLevel = new LinkedHashMap<>();
        boolean calledBefore = false;
        for (NoLambda.Stmt s : program.body()) {
            if (s instanceof NoLambda.FunctionDef d && !calledBefore && bindings.get(d.name()) == 1 && !definesFunctions(d)) {
                topLevel.put(d.name(), d);
            }
            calledBefore |= !(s instanceof NoLambda.FunctionDef) && calls(s);
        }
        Map<String, Set<String>> mentions = new HashMap<>();
        program.body().forEach(s -> {
            if (s instanceof NoLambda.FunctionDef d) {
                mentions.merge(d.name(), mentioned(d), (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        });
        Map<String, NoLambda.FunctionDef> out = new LinkedHashMap<>();
        topLevel.forEach((name, d) -> {
            if (!reaches(mentions, name, name)) {
                out.put(name, d);
            }
        });
        return out;
    }

    /** How many times each name is bound (by a def or an assignment), anywhere in the program. */
    private static Map<String, Integer> bindings(NoLambda.Module program) {
        Map<String, Integer> n = new HashMap<>();
        new NoLambdaWalker() {
            @Override
            protected void onFunctionDef(NoLambda.FunctionDef d) {
                n.merge(d.name(), 1, Integer::sum);
                super.onFunctionDef(d);
            }

            @Override
            protected void onVarTarget(NoLambda.VarTarget t) {
                n.merge(t.name(), 1, Integer::sum);
            }
        }.walk(program);
        return n;
    }

    private static boolean definesFunctions(NoLambda.FunctionDef d) {
        boolean[] found = {false};
        NoLambdaWalker w = new NoLambdaWalker() {
            @Override
            protected void onFunctionDef(NoLambda.FunctionDef inner) {
                found[0] = true;
            }
        };
        d.body().forEach(w::stmt);
        return found[0];
    }

    private static boolean calls(NoLambda.Stmt s) {
        boolean[] found = {false};
        new NoLambdaWalker() {
            @Override
            protected void onCall(NoLambda.Call c) {
                found[0] = true;
            }

            @Override
            protected void onFunctionDef(NoLambda.FunctionDef d) {
                // a def statement only binds its name; its body runs when called
            }
        }.stmt(s);
        return found[0];
    }

    /** Every name {@code d}'s body (nested functions included) reads. */
    private static Set<String> mentioned(NoLambda.FunctionDef d) {
        Set<String> names = new HashSet<>();
        NoLambdaWalker w = new NoLambdaWalker() {
            @Override
            protected void onVar(NoLambda.Var v) {
                names.add(v.name());
            }
        };
        d.body().forEach(w::stmt);
        return names;
    }

    /** Whether {@code to} is reachable from {@code from} by one or more mentions. */
    private static boolean reaches(Map<String, Set<String>> mentions, String from, String to) {
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(mentions.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String f = todo.pop();
            if (f.equals(to)) {
                return true;
            }
            if (seen.add(f)) {
                todo.addAll(mentions.getOrDefault(f, Set.of()));
            }
        }
        return false;
    }
}
