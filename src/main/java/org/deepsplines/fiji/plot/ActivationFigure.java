package org.deepsplines.fiji.plot;

import ai.djl.nn.Block;
import ij.ImagePlus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.deepsplines.model.LayerStatistics;
import org.deepsplines.spline.ActivationTable;
import org.deepsplines.spline.LearnedActivation;
import org.deepsplines.spline.SplineNetworks;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws every learned activation of every layer as small multiples: one panel per activation, one
 * block of rows per layer. The grid range is shaded, the linear extrapolation beyond it is dashed, and
 * active knots (slope change above a threshold) are marked with dots. Each layer's header gives its
 * active-knot count, largest Lipschitz constant and Σ BV2 (its factor in the network's Lipschitz bound);
 * when drawn from a whole network, a header line adds the network's Lipschitz bound and knot totals.
 */
public final class ActivationFigure {
    private static final Color CURVE = new Color(0x1f4e9a);
    private static final Color EXTRAPOLATION = new Color(0x6f8fc9);
    private static final Color KNOT = new Color(0xc0392b);
    private static final Color GRID_RANGE = new Color(0xeef2f8);

    private int panelWidth = 110;
    private int panelHeight = 80;
    private int columns = 16;
    private double knotThreshold = 1e-3;
    private double extend = 0.25;

    public ActivationFigure panelSize(int width, int height) {
        panelWidth = width;
        panelHeight = height;
        return this;
    }

    public ActivationFigure columns(int c) {
        columns = Math.max(1, c);
        return this;
    }

    /** Slope changes above this count as active knots (default 1e-3). */
    public ActivationFigure knotThreshold(double t) {
        knotThreshold = t;
        return this;
    }

    /** Renders the figure; {@code title} goes on top. */
    public BufferedImage render(List<LearnedActivation> layers, String title) {
        return render(layers, title, null);
    }

    /**
     * Renders every learned activation of {@code network} with a header line that gives the network's
     * Lipschitz bound and its active knots in total.
     */
    public BufferedImage render(Block network, String title) {
        List<LearnedActivation> layers = SplineNetworks.find(network);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("This network has no learned activations to show (ReLU-type model).");
        }
        List<LayerStatistics> stats = LayerStatistics.of(layers, knotThreshold);
        String subtitle = String.format(Locale.ROOT,
                "%d layers; active knots %d / %d (|slope change| > %.3g); network Lipschitz bound %.4g",
                layers.size(), LayerStatistics.totalActive(stats), LayerStatistics.totalKnots(stats), knotThreshold,
                SplineNetworks.lipschitzBound(network));
        return render(layers, title, subtitle);
    }

    /** The rendered figure as an RGB ImageJ image (e.g. to show, or to save as PNG/TIFF). */
    public static ImagePlus toImagePlus(BufferedImage figure, String title) {
        return new ImagePlus(title, figure);
    }

    private BufferedImage render(List<LearnedActivation> layers, String title, String subtitle) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("This network has no learned activations to show (ReLU-type model).");
        }
        int header = 22;
        int top = subtitle == null ? 30 : 48;
        int cols = 1;
        for (LearnedActivation l : layers) {
            cols = Math.max(cols, Math.min(columns, l.config().numActivations()));
        }
        int height = top;
        for (LearnedActivation l : layers) {
            int rows = (l.config().numActivations() + columns - 1) / columns;
            height += header + rows * panelHeight + 8;
        }
        int width = Math.max(cols * panelWidth + 10, 420);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 6, 20);
            if (subtitle != null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Color.DARK_GRAY);
                g.drawString(subtitle, 6, 38);
            }
            int y = top;
            for (int li = 0; li < layers.size(); li++) {
                LearnedActivation layer = layers.get(li);
                int n = layer.config().numActivations();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Color.DARK_GRAY);
                g.drawString(layerSummary(li, layer), 6, y + 15);
                y += header;
                for (int a = 0; a < n; a++) {
                    int px = 5 + (a % columns) * panelWidth;
                    int py = y + (a / columns) * panelHeight;
                    chart(layer.knotTable(a)).draw(g, new Rectangle2D.Double(px, py, panelWidth, panelHeight));
                }
                y += ((n + columns - 1) / columns) * panelHeight + 8;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One line per layer: activations, grid, active knots, largest exact Lipschitz constant, Σ BV2. */
    String layerSummary(int index, LearnedActivation layer) {
        return LayerStatistics.of(index + 1, layer, knotThreshold).describe();
    }

    JFreeChart chart(ActivationTable t) {
        double[] knots = t.knots();
        double[] values = t.values();
        double lo = knots[0];
        double hi = knots[knots.length - 1];
        double margin = extend * (hi - lo);
        XYSeries inside = new XYSeries("spline", false);
        for (int i = 0; i < knots.length; i++) {
            inside.add(knots[i], values[i]);
        }
        XYSeries left = new XYSeries("left", false);
        left.add(lo - margin, values[0] - margin * t.leftSlope());
        left.add(lo, values[0]);
        XYSeries right = new XYSeries("right", false);
        right.add(hi, values[values.length - 1]);
        right.add(hi + margin, values[values.length - 1] + margin * t.rightSlope());
        XYSeries active = new XYSeries("knots", false);
        double[] a = t.slopeChanges(); // one entry per knot
        for (int k = 0; k < a.length; k++) {
            if (Math.abs(a[k]) > knotThreshold) {
                active.add(knots[k], values[k]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(inside);
        data.addSeries(left);
        data.addSeries(right);
        data.addSeries(active);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, CURVE);
        r.setSeriesStroke(0, new BasicStroke(1.4f));
        r.setSeriesShapesVisible(0, false);
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f);
        for (int s = 1; s <= 2; s++) {
            r.setSeriesPaint(s, EXTRAPOLATION);
            r.setSeriesStroke(s, dashed);
            r.setSeriesShapesVisible(s, false);
        }
        r.setSeriesLinesVisible(3, false);
        r.setSeriesShapesVisible(3, true);
        r.setSeriesPaint(3, KNOT);
        r.setSeriesShape(3, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));

        NumberAxis x = new NumberAxis();
        x.setTickLabelsVisible(false);
        x.setTickMarksVisible(false);
        x.setRange(lo - margin, hi + margin);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setTickLabelsVisible(false);
        yAxis.setTickMarksVisible(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, yAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.addDomainMarker(new IntervalMarker(lo, hi, GRID_RANGE), org.jfree.chart.ui.Layer.BACKGROUND);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setInsets(new RectangleInsets(1, 1, 1, 1));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        return chart;
    }
}
