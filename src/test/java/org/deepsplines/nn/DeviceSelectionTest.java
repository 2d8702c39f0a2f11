package org.deepsplines.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.deepsplines.nn.DeviceSelection.Choice;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {
    static final String NATIVES = "2.7.1-cpu-linux-x86_64";

    @Test
    void autoUsesTheGpuWhenTheEngineSeesOne() {
        DeviceSelection d = DeviceSelection.resolve(Choice.AUTO, "PyTorch 2.7.1", 2, "2.7.1-cu128-linux-x86_64", true);
        assertEquals(Device.gpu(), d.device());
        assertEquals("DeepSplines: PyTorch 2.7.1 on gpu(0) (2 CUDA device(s) found)", d.describe());
        assertFalse(d.fellBackToCpu());
    }

    @Test
    void autoWithoutGpuSaysWhyAndWhereToLook() {
        DeviceSelection d = DeviceSelection.resolve(Choice.AUTO, "PyTorch 2.7.1", 0, NATIVES, false);
        assertEquals(Device.cpu(), d.device());
        assertEquals("DeepSplines: PyTorch 2.7.1 on cpu (no CUDA device found; PyTorch natives " + NATIVES
                + " are CPU-only; see README 'GPU')", d.describe());
        assertFalse(d.fellBackToCpu());
    }

    @Test
    void aGpuRequestThatEndsOnTheCpuIsAWarning() {
        DeviceSelection d = DeviceSelection.resolve(Choice.GPU, "PyTorch 2.7.1", 0, NATIVES, true);
        assertEquals(Device.cpu(), d.device());
        assertTrue(d.fellBackToCpu());
        assertTrue(d.describe().startsWith("WARNING: GPU requested but running on the CPU."), d.describe());
        assertTrue(d.describe().contains("an NVIDIA driver is installed but the PyTorch natives in use are CPU-only"),
                d.describe());
        assertTrue(d.describe().contains("see README 'GPU'"), d.describe());
    }

    @Test
    void cpuIsHonouredEvenWithAGpu() {
        DeviceSelection d = DeviceSelection.resolve(Choice.CPU, "PyTorch 2.7.1", 1, null, true);
        assertEquals(Device.cpu(), d.device());
        assertEquals("DeepSplines: PyTorch 2.7.1 on cpu (as requested; 1 CUDA device(s) available)", d.describe());
    }

    @Test
    void choicesParseCaseInsensitivelyAndBlankMeansAuto() {
        assertEquals(Choice.GPU, Choice.parse(" GPU "));
        assertEquals(Choice.AUTO, Choice.parse(""));
        assertEquals(Choice.AUTO, Choice.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Choice.parse("cuda"));
        assertTrue(e.getMessage().contains("auto, cpu or gpu"), e.getMessage());
    }

    @Test
    void theRealEngineReportsItsNameVersionAndDevice() {
        DeviceSelection d = DeviceSelection.resolve("cpu");
        assertEquals(Device.cpu(), d.device());
        assertTrue(d.describe().startsWith("DeepSplines: PyTorch "), d.describe());
        try (var m = d.newManager()) {
            assertEquals(Device.cpu(), m.getDevice());
        }
    }
}
