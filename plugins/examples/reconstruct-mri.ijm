// DeepSplines example: learned MRI reconstruction of a slice.
// Simulates a 4x Cartesian single-coil acquisition of the slice, reconstructs it with the bundled
// spline model (model=[] means bundled) and with TV compressed sensing, shows the learned activations,
// and saves the reconstruction next to the slice. For measured data, open its k-space (two 32-bit
// slices: real, imaginary) and its sampling mask instead, and pass their titles to Reconstruct MRI.

input = File.openDialog("Choose an MRI slice (magnitude image, or 2-slice 32-bit real/imaginary TIFF)");
name = File.getNameWithoutExtension(input);

open(input);
run("Simulate MRI Acquisition", "image=[" + getTitle() + "] mask=cartesian acceleration=4 centerfraction=-1 phaseencode=x seed=1 noise=none noiselevel=0 tv=false tvlambda=0.005 outputfolder=[] overwrite=false");
run("Reconstruct MRI", "kspace=[" + name + " k-space (re, im)] mask=[" + name + " mask] model=[] complex=false tv=true tvlambda=0.005 device=auto output=[" + File.getParent(input) + File.separator + name + "_reconstruction.tif] showactivations=true activationfigure=[] overwrite=true");
print("Reconstruction saved next to " + input);
