// DeepSplines example: train a learned MRI reconstruction (unrolled network with spline activations)
// for 4x Cartesian undersampling on slices of a fully sampled volume, then inspect the model.
// The slice ranges keep test slices out of training. About 15 minutes on two CPU cores at the
// default 1200 steps; set readoutcrop=0 to train on whole slices (needed for radial/random masks).

volume = File.openDialog("Choose a fully sampled volume (NIfTI .nii/.nii.gz or TIFF stack)");
model = getDirectory("Choose where to save the model") + "mri-cartesian-4x.dsmodel";
steps = 1200;
depth = 5;
width = 32;

run("Train MRI Reconstruction", "slicesfolder=[] volume=[" + volume + "] axis=z slices=[40:140:2] excludeslices=[58-62,78-82,98-102] validation=0.1 mask=cartesian acceleration=4 centerfraction=-1 readoutcrop=96 network=unrolled iterations=5 sharedweights=true consistency=hard activation=spline depth=" + depth + " width=" + width + " splinesize=51 splinerange=4 splineinit=leaky_relu constraint=none steps=" + steps + " batch=2 learningrate=0.002 splinelearningrate=0.002 tv2=0.000001 schedule=cosine validateevery=150 seed=1 checkpoint=[] checkpointevery=0 resume=[] device=auto threads=0 output=[" + model + "] overwrite=false showactivations=true activationfigure=[]");
run("Model Info", "model=[" + model + "] threshold=0.001");
