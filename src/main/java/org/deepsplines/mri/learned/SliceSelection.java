package org.deepsplines.mri.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which slices of a volume to use: a range {@code from:to[:step]} (inclusive, 0-based; empty = all) minus an
 * exclusion list such as {@code 58-62,78-82,98-102} (single indices or inclusive ranges).
 *
 * @param from first index
 * @param to last index (inclusive), or -1 for the last slice
 * @param step stride, at least 1
 * @param excluded indices never used (for example slices kept for testing, with their neighbours)
 */
public record SliceSelection(int from, int to, int step, Set<Integer> excluded) {

    /** Validates and copies. */
    public SliceSelection {
        if (from < 0 || step < 1 || (to >= 0 && to < from)) {
            throw new IllegalArgumentException("invalid slice range " + from + ":" + to + ":" + step
                    + "; write FROM:TO[:STEP] with 0 <= FROM <= TO and STEP >= 1");
        }
        excluded = Set.copyOf(excluded);
    }

    /** Every slice. */
    public static SliceSelection all() {
        return new SliceSelection(0, -1, 1, Set.of());
    }

    /**
     * Parses a range and an exclusion list; either may be null or blank.
     *
     * @throws IllegalArgumentException with the expected syntax when malformed
     */
    public static SliceSelection parse(String range, String exclude) {
        int from = 0;
        int to = -1;
        int step = 1;
        if (range != null && !range.isBlank()) {
            String[] p = range.trim().split(":");
            try {
                if (p.length < 2 || p.length > 3) {
                    throw new NumberFormatException();
                }
                from = Integer.parseInt(p[0].trim());
                to = Integer.parseInt(p[1].trim());
                step = p.length == 3 ? Integer.parseInt(p[2].trim()) : 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cannot read slice range '" + range + "'; write FROM:TO or"
                        + " FROM:TO:STEP, for example 40:140:2");
            }
        }
        Set<Integer> ex = new TreeSet<>();
        if (exclude != null && !exclude.isBlank()) {
            for (String part : exclude.split(",")) {
                String s = part.trim();
                try {
                    int dash = s.indexOf('-', 1);
                    int a = Integer.parseInt(dash < 0 ? s : s.substring(0, dash).trim());
                    int b = dash < 0 ? a : Integer.parseInt(s.substring(dash + 1).trim());
                    for (int i = Math.min(a, b); i <= Math.max(a, b); i++) {
                        ex.add(i);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("cannot read excluded slices '" + exclude + "'; write a comma"
                            + " list of indices or ranges, for example 58-62,78-82");
                }
            }
        }
        return new SliceSelection(from, to, step, ex);
    }

    /** The selected indices of a volume with {@code count} slices. */
    public List<Integer> indices(int count) {
        int last = to < 0 ? count - 1 : to;
        if (from >= count || last >= count) {
            throw new IllegalArgumentException("slice range " + describe() + " reaches beyond the volume's " + count
                    + " slices (0 to " + (count - 1) + ")");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= last; i += step) {
            if (!excluded.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Compact text form, e.g. {@code 40:140:2 except [58, 59, 60]}. */
    public String describe() {
        String r = String.format(Locale.ROOT, "%d:%s:%d", from, to < 0 ? "end" : Integer.toString(to), step);
        return excluded.isEmpty() ? r : r + " except " + new TreeSet<>(excluded);
    }
}
