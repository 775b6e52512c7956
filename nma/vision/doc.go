// Package vision holds W2D1's models of mouse visual cortex, built with the nn framework:
//
//   - the course's networks, with the attribute names of its classes: the decoders DeepNet,
//     DeepNetReLU and DeepNetSoftmax (Tutorials 1 and 4), ConvolutionalLayer (Tutorial 2),
//     the tilt discriminators CNN, FC and ConvPoolFC (Tutorial 3), and the convolutional
//     encoding model ConvFC (Tutorial 4);
//   - their stimuli: gratings (Grating, Gratings, GratingStack, TiltTrainingSet,
//     EncoderStimuli) and the example centre-surround and Gabor filters (Filters);
//   - decoding and tuning: GetData, StimulusClass, DecodeOrientation, GaussianFilter1D,
//     PreferredStimulus, SortByPreference;
//   - the trained networks of the tutorials (TrainedCNN, TrainedClassifier, TrainedEncoder),
//     trained once and kept on disk between notebook cells and kernel restarts by Cache, a
//     gob file cache under the user's cache folder.
//
// It reads the V1 recordings with nma/data; its figures are in nma/vision/visionfig.
package vision
