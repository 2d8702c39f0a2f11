package org.deepsplines.spline;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One learned activation written out as a table: knot positions, the activation's values there (linear
 * term included) and the slopes on either side of each knot. The first row's left slope and the last
 * row's right slope are the extrapolation slopes, so the table describes the function on the whole line.
 */
public final class ActivationTable {

    private final int activation;
    private final double grid;
    private final double[] knots;
    private final double[] values;

    /**
     * @param activation index of the activation in its layer
     * @param grid knot spacing T
     * @param values values at the knots t_i = (i − L)·T, i = 0..S−1 (copied)
     */
    public ActivationTable(int activation, double grid, double[] values) {
        if (values.length < 3) {
            throw new IllegalArgumentException("An activation table needs at least 3 knots, got " + values.length);
        }
        this.activation = activation;
        this.grid = grid;
        this.values = values.clone();
        this.knots = SplineMath.knots(values.length, grid);
    }

    /** Index of the activation in its layer. */
    public int activation() {
        return activation;
    }

    /** Knot spacing T. */
    public double grid() {
        return grid;
    }

    /** Number of knots S. */
    public int size() {
        return knots.length;
    }

    /** Knot positions t_i. */
    public double[] knots() {
        return knots.clone();
    }

    /** Activation values f(t_i). */
    public double[] values() {
        return values.clone();
    }

    /** Slope left of the first knot (extrapolation towards −∞). */
    public double leftSlope() {
        return (values[1] - values[0]) / grid;
    }

    /** Slope right of the last knot (extrapolation towards +∞). */
    public double rightSlope() {
        int n = values.length;
        return (values[n - 1] - values[n - 2]) / grid;
    }

    /** Slope change at each knot (0 at the two end knots, where the slope continues unchanged). */
    public double[] slopeChanges() {
        double[] change = new double[values.length];
        double[] a = SplineMath.slopeChanges(values, grid);
        System.arraycopy(a, 0, change, 1, a.length);
        return change;
    }

    /** The activation at any x (linear extrapolation outside the knots). */
    public double valueAt(double x) {
        return SplineMath.evaluate(values, grid, x);
    }

    /** Slope of the piece left of knot i (the left extrapolation slope for i = 0). */
    private double slopeLeftOf(int i) {
        return i == 0 ? leftSlope() : (values[i] - values[i - 1]) / grid;
    }

    /** Slope of the piece right of knot i (the right extrapolation slope for the last knot). */
    private double slopeRightOf(int i) {
        return i == values.length - 1 ? rightSlope() : (values[i + 1] - values[i]) / grid;
    }

    /** CSV text with header {@code x,y,slope_left,slope_right,slope_change}, one row per knot. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("x,y,slope_left,slope_right,slope_change\n");
        for (int i = 0; i < knots.length; i++) {
            double left = slopeLeftOf(i);
            double right = slopeRightOf(i);
            sb.append(knots[i]).append(',').append(values[i]).append(',').append(left).append(',')
                    .append(right).append(',').append(right - left).append('\n');
        }
        return sb.toString();
    }

    /** JSON form: activation, grid, knots, values, slope_changes, left_slope, right_slope. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("activation", activation);
        o.addProperty("grid", grid);
        o.add("knots", array(knots));
        o.add("values", array(values));
        o.add("slope_changes", array(slopeChanges()));
        o.addProperty("left_slope", leftSlope());
        o.addProperty("right_slope", rightSlope());
        return o;
    }

    /** Writes {@link #toCsv()} atomically (temp file, then move). */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    /** Writes {@link #toJson()} atomically (temp file, then move). */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(toJson()) + "\n");
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
