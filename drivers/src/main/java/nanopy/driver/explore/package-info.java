/**
 * {@code nanopy explore prog.py -o prog.html}: one self-contained HTML page that shows a program
 * going through every pass of a pipeline ({@link nanopy.driver.explore.Explorer} runs it,
 * {@link nanopy.driver.explore.HtmlPage} writes it, {@link nanopy.driver.explore.Graphviz} draws the
 * target's graphs), in the spirit of Compiler Explorer's optimization-pipeline view.
 */
package nanopy.driver.explore;
