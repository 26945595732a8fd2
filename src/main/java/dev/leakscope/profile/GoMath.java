package dev.leakscope.profile;

/** Go's math.Round: half away from zero (Java's Math.round rounds half up). */
public final class GoMath {
    private GoMath() {
    }

    public static long round(double x) {
        double a = Math.abs(x);
        double t = Math.floor(a);
        if (a - t >= 0.5) {
            t += 1;
        }
        return (long) Math.copySign(t, x);
    }
}
