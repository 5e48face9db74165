/**
 * The teaching kit: {@code nanopy assignment make} cuts a student project out of the reference
 * compiler ({@link nanopy.driver.course.AssignmentMaker}), and {@code nanopy golden report --student}
 * grades one submission or a folder of them pass by pass ({@link nanopy.driver.course.Grader}).
 *
 * <p>An assignment is a folder holding {@code assignment.toml} (the removed passes, the student's
 * class for each, the target that grades them), {@code course.toml} (the pipeline config that swaps
 * the student's passes for the reference ones), the student's stubs under {@code src/main/java},
 * generated focused tests, the golden programs under {@code programs/}, and {@code nanopy-repo/},
 * a read-only Maven repository of nanopy's jars without the removed passes' code.
 */
package nanopy.driver.course;
