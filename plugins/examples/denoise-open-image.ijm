// DeepSplines example: denoise one image and save the result next to it as TIFF.
// The learned activations open beside the result when Fiji has a display.

input = File.openDialog("Choose an image to denoise");
model = "";

open(input);
run("Denoise Image", "image=[" + getTitle() + "] model=[" + model + "] clip=true keeptype=false tile=0 memorymb=512 device=auto output=[] showactivations=false activationfigure=[]");
saveAs("Tiff", File.getParent(input) + File.separator + getTitle() + ".tif");
