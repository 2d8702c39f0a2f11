// DeepSplines example: simulate an undersampled single-coil MRI acquisition of an open slice.
// Produces the k-space (2 slices: real, imaginary), the sampling mask, the zero-filled image and a
// TV compressed-sensing reconstruction, and saves them into the output folder.

input = File.openDialog("Choose an MRI slice (magnitude image, or 2-slice 32-bit real/imaginary TIFF)");
output = getDirectory("Choose an output folder");

open(input);
run("Simulate MRI Acquisition", "image=[" + getTitle() + "] mask=cartesian acceleration=4 centerfraction=-1 phaseencode=x seed=0 noise=sigma noiselevel=0.5 tv=true tvlambda=0.005 outputfolder=[" + output + "] overwrite=true");
print("k-space, mask, zero-filled and TV-CS images written to " + output);
