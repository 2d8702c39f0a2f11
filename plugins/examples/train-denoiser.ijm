// DeepSplines example: train a denoiser with learned spline activations on a folder of clean images.
// With a display, a monitor window shows the loss and validation PSNR and can stop the run early
// (keeping the best model). Expect hours on a CPU for the default DnCNN-17; try depth=8 width=32 first.

images = getDirectory("Choose a folder of clean training images");
model = getDirectory("Choose where to save the model") + "denoiser.dsmodel";
steps = 3000;
depth = 17;
width = 64;

run("Train Denoiser", "images=[" + images + "] recursive=false output=[" + model + "] overwrite=false sigmamin=0 sigmamax=50 patch=40 validation=0.2 activation=spline depth=" + depth + " width=" + width + " batchnorm=false splinesize=51 splinerange=4 splineinit=leaky_relu constraint=none steps=" + steps + " batch=16 learningrate=0.001 splinelearningrate=0.001 tv2=0.000001 schedule=cosine validateevery=250 seed=1 sparsifytolerance=-1 checkpoint=[] checkpointevery=0 resume=[] device=auto threads=0 showactivations=true activationfigure=[]");
run("Model Info", "model=[" + model + "] threshold=0.001");
run("Export Model", "model=[" + model + "] format=[activations csv] output=[] overwrite=true");
