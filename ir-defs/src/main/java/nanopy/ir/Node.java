package nanopy.ir;

/** A node of any IR language: a generated record that carries its source {@link Span}. */
public interface Node {
    /** Where in the source this node came from, or {@link Span#NONE}. */
    Span span();
}
