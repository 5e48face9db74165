package nanopy.targets.regvm;

/** A function value in the VM: code and the activation record it closes over (set by InitRef). */
final class Closure {
    final Loaded.Fn fn;
    Object env;

    Closure(Loaded.Fn fn) {
        this.fn = fn;
    }
}
