package org.deepsplines.fiji.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.deepsplines.train.TrainingControl;
import org.deepsplines.train.TrainingListener;
import org.deepsplines.train.TrainingProgress;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A window that follows a training run: live curves of the training loss and the validation PSNR, step,
 * elapsed time and ETA, and two buttons wired to a {@link TrainingControl}: "Stop and keep best" ends
 * training normally with the best-validated parameters, "Cancel" aborts it (after writing the checkpoint,
 * when one is configured). Progress arrives on the training thread and is drawn on the Swing thread.
 * Only for runs with a display; check {@code Gui.available()} first.
 */
public final class TrainingMonitor implements TrainingListener {
    private static final Color LOSS = new Color(0x1f4e9a);
    private static final Color PSNR = new Color(0xc0392b);

    private final TrainingControl control;
    private final int validateEvery;
    private final XYSeries loss = new XYSeries("training loss", true, true);
    private final XYSeries psnr = new XYSeries("validation PSNR (dB)", true, true);
    private final JFrame frame;
    private final JLabel progressLine = new JLabel(" ");
    private final JLabel bestLine = new JLabel(" ");
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JButton stop = new JButton("Stop and keep best");
    private final JButton cancel = new JButton("Cancel");
    private volatile boolean running = true;

    private TrainingMonitor(String title, TrainingControl control, int validateEvery) {
        this.control = control;
        this.validateEvery = Math.max(1, validateEvery);
        frame = new JFrame(title);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                if (running) {
                    progressLine.setText("Training is running: use Stop or Cancel to end it first.");
                } else {
                    frame.dispose();
                }
            }
        });

        ChartPanel charts = new ChartPanel(chart(), false, true, false, true, false);
        charts.setPreferredSize(new Dimension(620, 400));

        progressLine.setFont(progressLine.getFont().deriveFont(Font.PLAIN, 13f));
        bestLine.setFont(bestLine.getFont().deriveFont(Font.PLAIN, 13f));
        bar.setStringPainted(true);
        stop.setToolTipText("End training now and keep the parameters with the best validation PSNR so far.");
        cancel.setToolTipText("Abort training without saving a model (a configured checkpoint is still written,"
                + " so the run can be resumed).");
        stop.addActionListener(e -> {
            control.stopAndKeepBest();
            requested("Stopping after this step; the best model so far will be kept…");
        });
        cancel.addActionListener(e -> {
            int answer = JOptionPane.showConfirmDialog(frame, "Cancel training? No model will be saved.",
                    "Cancel training", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE);
            if (answer == JOptionPane.YES_OPTION) {
                control.cancel();
                requested("Cancelling after this step…");
            }
        });

        JPanel text = new JPanel(new GridLayout(0, 1, 0, 2));
        text.add(progressLine);
        text.add(bestLine);
        text.add(bar);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(stop);
        buttons.add(cancel);
        JPanel south = new JPanel(new BorderLayout());
        south.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        south.add(text, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);

        frame.getContentPane().setLayout(new BorderLayout());
        frame.getContentPane().add(charts, BorderLayout.CENTER);
        frame.getContentPane().add(south, BorderLayout.SOUTH);
        frame.pack();
        frame.setLocationByPlatform(true);
    }

    /**
     * Opens a monitor window (created on the Swing thread; safe to call from any thread).
     *
     * @param validateEvery validation interval in steps, to tell validation reports from loss-only ones
     */
    public static TrainingMonitor open(String title, TrainingControl control, int validateEvery) {
        AtomicReference<TrainingMonitor> m = new AtomicReference<>();
        onSwingThread(() -> {
            TrainingMonitor monitor = new TrainingMonitor(title, control, validateEvery);
            monitor.frame.setVisible(true);
            m.set(monitor);
        });
        return m.get();
    }

    private JFreeChart chart() {
        LogAxis lossAxis = new LogAxis("training loss");
        lossAxis.setSmallestValue(1e-8);
        lossAxis.setAutoRange(true);
        XYPlot lossPlot = new XYPlot(new XYSeriesCollection(loss), null, lossAxis, renderer(LOSS, false));
        NumberAxis psnrAxis = new NumberAxis("validation PSNR (dB)");
        psnrAxis.setAutoRangeIncludesZero(false);
        XYPlot psnrPlot = new XYPlot(new XYSeriesCollection(psnr), null, psnrAxis, renderer(PSNR, true));
        for (XYPlot p : new XYPlot[] {lossPlot, psnrPlot}) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xdddddd));
            p.setRangeGridlinePaint(new Color(0xdddddd));
        }
        NumberAxis steps = new NumberAxis("step");
        steps.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(steps);
        combined.setGap(8);
        combined.add(lossPlot, 1);
        combined.add(psnrPlot, 1);
        JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 14), combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYLineAndShapeRenderer renderer(Color color, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setSeriesPaint(0, color);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return r;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        SwingUtilities.invokeLater(() -> show(p));
    }

    private void show(TrainingProgress p) {
        if (p.loss() > 0 && Double.isFinite(p.loss())) {
            loss.addOrUpdate(p.step(), p.loss());
        }
        boolean validated = p.step() % validateEvery == 0 || p.step() == p.totalSteps();
        if (validated && Double.isFinite(p.validation())) {
            psnr.addOrUpdate(p.step(), p.validation());
        }
        if (running) {
            progressLine.setText(String.format(Locale.ROOT, "Step %d / %d   loss %.3g   elapsed %s   ETA %s", p.step(),
                    p.totalSteps(), p.loss(), TrainingProgress.formatDuration(p.elapsedSeconds()),
                    TrainingProgress.formatDuration(p.etaSeconds())));
        }
        if (Double.isFinite(p.bestValidation())) {
            bestLine.setText(String.format(Locale.ROOT, "Validation PSNR %.2f dB (best %.2f dB)", p.validation(),
                    p.bestValidation()));
        }
        bar.setValue((int) Math.round(1000 * p.fractionDone()));
        bar.setString(String.format(Locale.ROOT, "%.0f%%", 100 * p.fractionDone()));
    }

    private void requested(String message) {
        stop.setEnabled(false);
        cancel.setEnabled(false);
        progressLine.setText(message);
    }

    /** Ends the run in the window: buttons off, a final message, and the window may be closed. */
    public void finished(String message) {
        running = false;
        onSwingThread(() -> {
            stop.setEnabled(false);
            cancel.setEnabled(false);
            progressLine.setText(message);
            frame.setTitle(frame.getTitle() + " (finished)");
        });
    }

    /** The window, e.g. to place figures beside it. */
    public JFrame window() {
        return frame;
    }

    /** The curve data so far (loss and validation PSNR points). */
    public int[] pointCounts() {
        AtomicReference<int[]> counts = new AtomicReference<>();
        onSwingThread(() -> counts.set(new int[] {loss.getItemCount(), psnr.getItemCount()}));
        return counts.get();
    }

    /** The window's content drawn into an image (for documentation and tests). */
    public BufferedImage snapshot() {
        AtomicReference<BufferedImage> img = new AtomicReference<>();
        onSwingThread(() -> {
            java.awt.Container c = frame.getContentPane();
            BufferedImage b = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = b.createGraphics();
            try {
                c.printAll(g);
            } finally {
                g.dispose();
            }
            img.set(b);
        });
        return img.get();
    }

    /** Closes the window. */
    public void close() {
        running = false;
        onSwingThread(frame::dispose);
    }

    /** Runs on the Swing thread and waits (directly when already on it). */
    private static void onSwingThread(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while updating the training monitor", e);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
        }
    }
}
