package kz.hotline114.shared;

/**
 * The age brackets a grant final report breaks participants down by (seed 001: 13–16, 17–22,
 * 23–27, 28–32, 33–45, 46–58, 59+), plus under 13 and unknown.
 */
public enum AgeBracket {
    UNDER_13(0, 12), AGE_13_16(13, 16), AGE_17_22(17, 22), AGE_23_27(23, 27), AGE_28_32(28, 32),
    AGE_33_45(33, 45), AGE_46_58(46, 58), AGE_59_PLUS(59, 150), UNKNOWN(-1, -1);

    private final int from;
    private final int to;

    AgeBracket(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The bracket of an age in years. */
    public static AgeBracket of(int age) {
        for (var b : values()) {
            if (age >= b.from && age <= b.to) {
                return b;
            }
        }
        return UNKNOWN;
    }
}
