package org.deepsplines.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonObject;
import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;
import ij.io.FileSaver;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;
import org.deepsplines.fiji.ui.TrainingMonitor;
import org.deepsplines.model.ModelFile;
import org.deepsplines.mri.MriTestData;
import org.deepsplines.train.metrics.Psnr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleService;

/**
 * The windows of a run with a display: the training monitor (live curves, Stop and keep best), and the
 * learned activations opening beside results. Saves the screenshots the user guide shows into
 * {@code deepsplines.screenshots} (default {@code target/screenshots}). Runs under Xvfb
 * ({@code xvfb-run -a mvn test}); skipped when there is no display.
 */
@Tag("display")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisplayTest {
    private static CommandRunner runner;
    private static Path shots;
    @TempDir
    static Path tmp;
    private static Path trained;

    static final String NO_DISPLAY =
            "No display: the window tests are skipped (run them under xvfb-run, e.g. xvfb-run -a mvn test).";

    @BeforeAll
    static void start() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("DisplayTest: " + NO_DISPLAY);
            return;
        }
        runner = new CommandRunner();
        shots = Paths.get(System.getProperty("deepsplines.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
    }

    @BeforeEach
    void needsDisplay() {
        assumeFalse(GraphicsEnvironment.isHeadless(), NO_DISPLAY);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        for (Window w : Window.getWindows()) {
            w.dispose();
        }
    }

    @Test
    @Order(1)
    void trainingMonitorShowsLiveCurvesAndStopKeepsTheBestModel() throws Exception {
        Path images = TestModels.cropFolder(tmp.resolve("clean"), 128, "camera.png", "coins.png", "brick.png",
                "astronaut_gray.png", "coffee_gray.png");
        trained = tmp.resolve("small-denoiser.dsmodel");
        ModuleService modules = runner.context.service(ModuleService.class);
        CommandModule module = (CommandModule) modules.createModule(
                runner.commands.getCommand(TrainDenoiserCommand.class));
        TrainDenoiserCommand command = (TrainDenoiserCommand) module.getCommand();
        Map<String, Object> inputs = new LinkedHashMap<>();
        Object[] kv = {"images", images.toFile(), "output", trained.toFile(), "sigmaMin", 25.0, "sigmaMax", 25.0,
            "patch", 32, "validation", 0.2, "depth", 5, "width", 12, "splineSize", 21, "splineRange", 3.0,
            "steps", 2000L, "batch", 8, "learningRate", 2e-3f, "validateEvery", 15, "device", "cpu",
            "showActivations", true};
        for (int i = 0; i < kv.length; i += 2) {
            inputs.put((String) kv[i], kv[i + 1]);
        }
        Future<CommandModule> run = modules.run(module, true, inputs);

        TrainingMonitor monitor = waitForMonitor(command);
        // Let the curves grow, then press "Stop and keep best" as a user would.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (monitor.pointCounts()[1] < 6 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(monitor.pointCounts()[1] >= 3, "validation points arrive while training");
        Thread.sleep(300);
        ImageIO.write(monitor.snapshot(), "png", shots.resolve("training-monitor.png").toFile());
        click(monitor.window(), "Stop and keep best");
        CommandModule m = run.get(120, TimeUnit.SECONDS);
        assertTrue(!m.isCanceled(), () -> CommandRunner.reason(m));
        JsonObject training = ModelFile.read(trained).config().getAsJsonObject("training");
        assertTrue(training.get("stopped_early").getAsBoolean(), training.toString());
        assertTrue(training.get("steps_done").getAsLong() < 2000);

        ImagePlus figure = waitForImage("Learned activations - small-denoiser.dsmodel");
        ImageWindow fw = figure.getWindow();
        assertTrue(fw.getX() >= monitor.window().getX() + monitor.window().getWidth()
                || fw.getY() >= monitor.window().getY() + monitor.window().getHeight(),
                "the activation figure opens beside the monitor");
        new FileSaver(figure).saveAsPng(shots.resolve("activations.png").toString());
    }

    @Test
    @Order(2)
    void denoisingOpensTheActivationsBesideTheImage() throws Exception {
        assertNotNull(trained, "needs the model of the training test");
        ImagePlus clean = TestModels.crop("camera.png", 256);
        ImagePlus noisy = FijiCommandsTest.noisy(clean, 11);
        noisy.setTitle("camera noisy sigma 25");
        noisy.show();
        ImageWindow input = waitForWindow(noisy);
        onEdt(() -> input.setLocation(0, 0));
        CommandModule m = runner.run(DenoiseImageCommand.class, "image", noisy, "model", trained.toFile(), "device",
                "cpu", "showActivations", true);
        ImagePlus result = (ImagePlus) m.getOutput("result");
        result.setDisplayRange(0, 255);
        result.show(); // in Fiji the legacy layer shows command outputs
        ImageWindow rw = waitForWindow(result);
        ImagePlus figure = waitForImage("Learned activations - small-denoiser.dsmodel");
        assertTrue(figure.getWindow().getX() >= input.getX() + input.getWidth() - 1,
                "the figure is placed to the right of the image");
        onEdt(() -> rw.setLocation(input.getX(), input.getY() + input.getHeight() + 4));
        Thread.sleep(800);
        float[] ref = FijiCommandsTest.floats(clean);
        saveMontage(shots.resolve("denoise-result.png"), List.of(clean, noisy, result), List.of("clean",
                String.format(Locale.ROOT, "noisy σ 25: %.2f dB", Psnr.compute(ref, FijiCommandsTest.floats(noisy), 255)),
                String.format(Locale.ROOT, "Denoise Image: %.2f dB",
                        Psnr.compute(ref, FijiCommandsTest.floats(result), 255))));
        screenshot(shots.resolve("denoise-windows.png"), input, rw, figure.getWindow());
    }

    @Test
    @Order(3)
    void mriSimulationResultsAsAMontage() throws Exception {
        ImagePlus slice = IJ.openImage(MriTestData.file("slices/colin27_t1_axial_z080.png").toString());
        CommandModule m = runner.run(SimulateMriAcquisitionCommand.class, "image", slice, "mask", "cartesian",
                "acceleration", 4.0, "seed", 3L, "tv", true);
        ImagePlus mask = (ImagePlus) m.getOutput("maskImage");
        ImagePlus zf = (ImagePlus) m.getOutput("zeroFilled");
        ImagePlus tv = (ImagePlus) m.getOutput("tvImage");
        ImagePlus k = (ImagePlus) m.getOutput("kspace");
        ImagePlus logK = logMagnitude(k);
        for (ImagePlus imp : List.of(zf, tv)) {
            imp.setDisplayRange(0, 255);
        }
        saveMontage(shots.resolve("mri-simulation.png"), List.of(slice, logK, mask, zf, tv),
                List.of("input", "log |k-space|", "mask (4x)", "zero-filled", "TV-CS"));
        assertEquals(181, zf.getWidth());
    }

    @Test
    @Order(4)
    void mriReconstructionOpensWithTheModelsActivations() throws Exception {
        ImagePlus slice = IJ.openImage(MriTestData.file("slices/colin27_t1_axial_z080.png").toString());
        CommandModule sim = runner.run(SimulateMriAcquisitionCommand.class, "image", slice, "mask", "cartesian",
                "acceleration", 4.0, "seed", 1L);
        ImagePlus zf = (ImagePlus) sim.getOutput("zeroFilled");
        CommandModule m = runner.run(ReconstructMriCommand.class, "kspace", sim.getOutput("kspace"), "mask",
                sim.getOutput("maskImage"), "tv", true, "device", "cpu", "showActivations", true);
        ImagePlus rec = (ImagePlus) m.getOutput("result");
        ImagePlus tv = (ImagePlus) m.getOutput("tvImage");
        for (ImagePlus imp : List.of(zf, tv, rec)) {
            imp.setDisplayRange(0, 255);
        }
        saveMontage(shots.resolve("mri-reconstruction.png"), List.of(slice, zf, tv, rec),
                List.of("ground truth", "zero-filled (4x)", "TV-CS", "learned (spline)"));
        ImagePlus figure = waitForImage("Learned activations - bundled 4x Cartesian model");
        new FileSaver(figure).saveAsPng(shots.resolve("mri-activations.png").toString());
        assertEquals(181, rec.getWidth());
    }

    @Test
    @Order(5)
    void sparsifiedActivationsOpenAsAFigure() throws Exception {
        assertNotNull(trained, "needs the model of the training test");
        Path sparse = tmp.resolve("small-denoiser_sparse.dsmodel");
        CommandModule m = runner.run(SparsifyModelCommand.class, "model", trained.toFile(), "output", sparse.toFile(),
                "threshold", 0.05, "showActivations", true);
        assertTrue(((String) m.getOutput("report")).startsWith("Sparsified"));
        ImagePlus figure = waitForImage("Learned activations - small-denoiser_sparse.dsmodel");
        new FileSaver(figure).saveAsPng(shots.resolve("activations-sparse.png").toString());
    }

    // ----- support

    private static TrainingMonitor waitForMonitor(TrainDenoiserCommand command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            TrainingMonitor m = command.monitor();
            if (m != null && m.window().isShowing()) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no training monitor window appeared");
    }

    private static void click(Container root, String text) throws Exception {
        AbstractButton b = find(root, text);
        assertNotNull(b, "button " + text);
        onEdt(b::doClick);
    }

    private static AbstractButton find(Container c, String text) {
        for (Component child : c.getComponents()) {
            if (child instanceof AbstractButton && text.equals(((AbstractButton) child).getText())) {
                return (AbstractButton) child;
            }
            if (child instanceof Container) {
                AbstractButton b = find((Container) child, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    private static ImagePlus waitForImage(String title) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ImagePlus imp = WindowManager.getImage(title);
            if (imp != null && imp.getWindow() != null && imp.getWindow().isShowing()) {
                return imp;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window titled " + title);
    }

    private static ImageWindow waitForWindow(ImagePlus imp) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (imp.getWindow() != null && imp.getWindow().isShowing()) {
                return imp.getWindow();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window for " + imp.getTitle());
    }

    private static void onEdt(Runnable r) throws Exception {
        SwingUtilities.invokeAndWait(r);
    }

    /** A screen capture of the area covering the given windows. */
    private static void screenshot(Path file, Window... windows) throws Exception {
        Rectangle area = null;
        for (Window w : windows) {
            area = area == null ? w.getBounds() : area.union(w.getBounds());
        }
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        BufferedImage shot = new Robot().createScreenCapture(area.intersection(screen));
        ImageIO.write(shot, "png", file.toFile());
    }

    /** Images side by side with captions, at their display range. */
    private static void saveMontage(Path file, List<ImagePlus> images, List<String> captions) throws Exception {
        int gap = 8;
        int caption = 22;
        int width = gap;
        int height = 0;
        for (ImagePlus imp : images) {
            width += imp.getWidth() + gap;
            height = Math.max(height, imp.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height + caption + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int x = gap;
            for (int i = 0; i < images.size(); i++) {
                ImagePlus imp = images.get(i);
                g.drawString(captions.get(i), x, 16);
                g.drawImage(imp.getProcessor().createImage(), x, caption, null);
                x += imp.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(out, "png", file.toFile());
    }

    private static ImagePlus logMagnitude(ImagePlus kspace) {
        float[] re = (float[]) kspace.getStack().getPixels(1);
        float[] im = (float[]) kspace.getStack().getPixels(2);
        float[] v = new float[re.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.log1p(Math.hypot(re[i], im[i]));
        }
        ImagePlus out = new ImagePlus("log k", new ij.process.FloatProcessor(kspace.getWidth(), kspace.getHeight(), v));
        out.resetDisplayRange();
        return out;
    }
}
