// DeepSplines example: denoise every PNG/TIFF image of a folder.
// Writes <name>_denoised.tif files and activations.png (the model's learned activations) into the
// output folder. Run it from Fiji (Plugins > Macros > Run...) or headless:
//   ImageJ-linux64 --headless --console -macro denoise-folder.ijm
// Leave model empty to use the bundled blind denoiser (noise sigma 0-50 on the 0-255 scale).

input = getDirectory("Choose a folder of images to denoise");
output = getDirectory("Choose an output folder");
model = "";

setBatchMode(true);
run("Denoise Folder", "input=[" + input + "] output=[" + output + "] model=[" + model + "] clip=true keeptype=true tile=0 memorymb=512 device=auto overwrite=false showactivations=true activationfigure=[]");
print("Denoised images written to " + output);
