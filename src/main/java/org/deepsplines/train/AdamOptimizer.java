package org.deepsplines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba) with optional L2 weight decay, written here rather than taken from DJL so that
 * its moment estimates can be saved in checkpoints and a resumed run continues exactly.
 * Parameters are addressed by their stable path names within the network.
 */
public final class AdamOptimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final NDManager stateManager;
    private long t;

    /** Creates an optimiser whose state lives in {@code stateManager} (closed by the caller). */
    public AdamOptimizer(NDManager stateManager, float weightDecay) {
        this(stateManager, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    public AdamOptimizer(NDManager stateManager, float beta1, float beta2, float epsilon, float weightDecay) {
        this.stateManager = stateManager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** Starts a new step; call once before the {@link #update} calls of that step. */
    public void beginStep() {
        t++;
    }

    public long stepCount() {
        return t;
    }

    /** Updates {@code weight} in place from its gradient with learning rate {@code lr}. */
    public void update(String name, NDArray weight, NDArray grad, float lr) {
        NDArray[] mv = moments.computeIfAbsent(name, k -> new NDArray[] {
            stateManager.zeros(weight.getShape(), weight.getDataType()),
            stateManager.zeros(weight.getShape(), weight.getDataType())
        });
        try (NDManager tmp = stateManager.newSubManager()) {
            grad.tempAttach(tmp);
            // Results of ops on the moment arrays would belong to the state manager; move each one to
            // this step's manager so that nothing outlives the update.
            NDArray g = weightDecay > 0 ? grad.add(own(tmp, weight.mul(weightDecay))) : grad;
            mv[0].muli(beta1).addi(g.mul(1 - beta1));
            mv[1].muli(beta2).addi(g.square().muli(1 - beta2));
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            NDArray denom = own(tmp, mv[1].div((float) c2)).sqrt().addi(epsilon);
            weight.subi(own(tmp, mv[0].mul((float) (lr / c1))).divi(denom));
        }
    }

    private static NDArray own(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    /** Writes the step count and all moment estimates. */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        out.writeInt(moments.size());
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            out.writeUTF(e.getKey());
            byte[] bytes = new NDList(e.getValue()).encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Restores what {@link #save} wrote. */
    public void load(DataInputStream in) throws IOException {
        t = in.readLong();
        int n = in.readInt();
        for (NDArray[] mv : moments.values()) {
            mv[0].close();
            mv[1].close();
        }
        moments.clear();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            NDList list = NDList.decode(stateManager, bytes);
            moments.put(name, new NDArray[] {list.get(0), list.get(1)});
        }
    }
}
