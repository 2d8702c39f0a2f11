package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPngAndTiffOfAllDepthsInNameOrderAndSkipsBrokenFiles() throws IOException {
        ByteProcessor b = new ByteProcessor(6, 4);
        b.set(1, 2, 200);
        save(new ImagePlus("b", b), dir.resolve("b_8bit.png"));
        ShortProcessor s = new ShortProcessor(5, 5);
        s.set(3, 4, 60000);
        save(new ImagePlus("a", s), dir.resolve("a_16bit.tif"));
        FloatProcessor f = new FloatProcessor(7, 3);
        f.setf(0, 0, -1.25f);
        save(new ImagePlus("c", f), dir.resolve("c_32bit.TIFF"));
        Files.writeString(dir.resolve("d_broken.png"), "not an image");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Files.createDirectories(dir.resolve("sub"));
        save(new ImagePlus("e", new ByteProcessor(8, 8)), dir.resolve("sub").resolve("e.png"));

        ImageFolderReader.Result r = new ImageFolderReader().read(dir);
        assertEquals(List.of("a_16bit.tif", "b_8bit.png", "c_32bit.TIFF"), names(r.images()));
        assertEquals(60000f, r.images().get(0).get(3, 4, 0));
        assertEquals(16, r.images().get(0).bitDepth());
        assertEquals(200f, r.images().get(1).get(1, 2, 0));
        assertEquals(8, r.images().get(1).bitDepth());
        assertEquals(-1.25f, r.images().get(2).get(0, 0, 0));
        assertEquals(32, r.images().get(2).bitDepth());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("d_broken.png"), r.warnings().get(0));

        ImageFolderReader.Result all = new ImageFolderReader().recursive(true).read(dir);
        assertEquals(4, all.images().size());
        assertEquals("sub" + dir.getFileSystem().getSeparator() + "e.png", all.images().get(3).name());
    }

    @Test
    void emptyOrUnreadableFoldersAreExplained() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageFolderReader().read(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(".png, .tif, .tiff"), e.getMessage());

        Files.writeString(dir.resolve("x.tif"), "garbage");
        e = assertThrows(IllegalArgumentException.class, () -> new ImageFolderReader().read(dir));
        assertTrue(e.getMessage().contains("x.tif"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new ImageFolderReader().read(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void colourFilesAreRejectedOrConvertedToLuma() {
        ColorProcessor cp = new ColorProcessor(3, 3);
        cp.set(1, 1, 0x0000ff);
        save(new ImagePlus("rgb", cp), dir.resolve("rgb.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageFolderReader().read(dir));
        assertTrue(e.getMessage().contains("rgb.png") && e.getMessage().contains("Image > Type > 8-bit or 32-bit"),
                e.getMessage());
        GrayImage g = new ImageFolderReader().rgbToLuma(true).read(dir).images().get(0);
        assertEquals(0.114 * 255, g.get(1, 1, 0), 1e-4);
    }

    @Test
    void stacksGiveSlicesOrVolumes() {
        ij.ImageStack st = new ij.ImageStack(4, 4);
        for (int i = 0; i < 3; i++) {
            FloatProcessor p = new FloatProcessor(4, 4);
            p.setf(0, 0, i + 1);
            st.addSlice(p);
        }
        new FileSaver(new ImagePlus("st", st)).saveAsTiffStack(dir.resolve("st.tif").toString());
        assertEquals(3, new ImageFolderReader().read(dir).images().size());
        GrayImage vol = new ImageFolderReader().volumes(true).read(dir).images().get(0);
        assertEquals(3, vol.depth());
        assertEquals(3f, vol.get(0, 0, 2));
    }

    @Test
    void sixteenBitSamplePngKeepsItsValues() {
        Path ct = Path.of("sample-images", "denoising", "biomedical", "ct_small_16bit.png");
        Assumptions.assumeTrue(Files.exists(ct), "sample image not present");
        List<GrayImage> imgs = ImagePlusConverter.toGrayImages(ij.IJ.openImage(ct.toString()), false, false);
        float[] mm = imgs.get(0).minMax();
        assertEquals(16, imgs.get(0).bitDepth());
        assertEquals(128f, mm[0]); // documented stored range 128..2191
        assertEquals(2191f, mm[1]);
    }

    @Test
    void inMemoryImagesTakeTheirBitDepthFromTheType() {
        List<GrayImage> g = ImageFolderReader.fromImgs(
                List.of(ArrayImgs.unsignedBytes(4, 4), ArrayImgs.unsignedShorts(4, 4), ArrayImgs.floats(4, 4, 4)),
                List.of("u8", "u16", "f32"));
        assertEquals(List.of(8, 16, 32), g.stream().map(GrayImage::bitDepth).collect(Collectors.toList()));
        assertEquals(4, g.get(2).depth());
        assertThrows(IllegalArgumentException.class, () -> ImageFolderReader.fromImgs(List.of(), List.of()));
    }

    private static List<String> names(List<GrayImage> images) {
        return images.stream().map(GrayImage::name).collect(Collectors.toList());
    }

    private static void save(ImagePlus imp, Path file) {
        String p = file.toString();
        boolean ok = p.toLowerCase().endsWith(".png") ? new FileSaver(imp).saveAsPng(p) : new FileSaver(imp).saveAsTiff(p);
        assertTrue(ok, "could not write " + p);
    }
}
