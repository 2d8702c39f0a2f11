package org.deepsplines.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {

    private final List<Integer> items = IntStream.range(0, 20).boxed().collect(Collectors.toList());

    @Test
    void splitIsDeterministicDisjointAndOrdered() {
        DatasetSplit<Integer> a = DatasetSplit.split(items, 0.2, 7);
        DatasetSplit<Integer> b = DatasetSplit.split(items, 0.2, 7);
        assertEquals(a, b);
        assertEquals(4, a.validation().size());
        assertEquals(16, a.train().size());
        List<Integer> union = new ArrayList<>(a.train());
        union.addAll(a.validation());
        assertEquals(items, union.stream().sorted().collect(Collectors.toList()));
        assertEquals(a.validation(), a.validation().stream().sorted().collect(Collectors.toList()));
        assertNotEquals(a.validation(), DatasetSplit.split(items, 0.2, 8).validation());
    }

    @Test
    void fixedPatchesCanBeSplitByIndex() {
        PatchBatch crops = new PatchBatch(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4},
                5, 2, 2);
        DatasetSplit<Integer> s = DatasetSplit.splitIndices(5, 0.4, 3);
        assertEquals(s, DatasetSplit.splitIndices(5, 0.4, 3));
        PatchBatch val = crops.subset(s.validation());
        PatchBatch train = crops.subset(s.train());
        assertEquals(2, val.count());
        assertEquals(3, train.count());
        assertEquals((float) s.validation().get(1), val.data()[4]);
        assertEquals((float) s.train().get(2), train.data()[11]);
        assertThrows(IllegalArgumentException.class, () -> crops.subset(List.of(5)));
    }

    @Test
    void edgeCases() {
        assertEquals(0, DatasetSplit.split(items, 0, 1).validation().size());
        assertEquals(1, DatasetSplit.split(List.of("x", "y"), 0.01, 1).validation().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetSplit.split(List.of("only"), 0.1, 1));
        assertTrue(e.getMessage().contains("fixed crops"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.split(items, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.split(List.of(), 0.1, 1));
    }
}
