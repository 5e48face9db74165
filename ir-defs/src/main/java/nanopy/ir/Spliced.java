package nanopy.ir;

import io.vavr.collection.List;

/**
 * What a generated translator's {@code spliced} returns: the statements a computation emitted, and
 * its value (e.g. the statements and result of a {@code Begin}).
 *
 * @param <S> the statement type
 * @param <T> the value's type
 */
public record Spliced<S, T>(List<S> stmts, T value) {}
