// Package nn is a small deep-learning library on gonum for W2D1, with the names a PyTorch
// user knows. It is the framework only; the course's networks, stimuli and trained models
// are in nma/vision, their figures in nma/vision/visionfig.
//
//   - Tensor: an n-dimensional float64 array (row-major) with automatic differentiation:
//     operations on tensors that need gradients record how to pass a gradient back, and
//     Backward on a scalar loss fills the Grad of every parameter (loss.backward()).
//   - Layers (Module): Linear, Conv2d (stride 1, zero padding), MaxPool2d, the activations
//     ReLU, Sigmoid and LogSoftmax (as functions, and as layers NewReLU, …), Flatten,
//     Reshape/Unsqueeze, and the Sequential container; forward hooks
//     (RegisterForwardHook) and GetHiddenActivity read hidden activations.
//   - Losses: MSELoss, BCELoss, NLLLoss, with L1/L2 penalties (Penalty, Regularized,
//     RegularizedMSELoss).
//   - Optimisation: SGD with momentum, and Train, a full-batch or minibatch training loop
//     that prints its progress and returns the loss curves (History).
//   - Saving: StateDict, GetStateDict and LoadStateDict (model.state_dict()), gob-encodable.
//
// Design choices:
//
//   - Tensors hold float64 (gonum's type, and the API every caller uses), but the layers
//     compute in float32, as PyTorch does — see "Precision and speed" below.
//   - Gradients are computed by closures recorded in the forward pass (reverse-mode
//     automatic differentiation over the operations the course uses). Every layer's
//     gradient is checked against finite differences in the tests.
//   - Randomness comes from a Generator (ManualSeed): NumPy's MT19937 (nma/rng). Weights
//     are initialised as PyTorch does (uniform in ±1/√fan_in), but PyTorch's own generator
//     is not reproduced, so initial weights — and seeded results — differ from the course's.
//   - Shape mismatches in forward passes are programming errors and panic with a message
//     naming the shapes (as PyTorch raises, and as gonum's mat panics); configuration
//     errors (Train's options, data loading) are returned as errors.
//
// # Precision and speed
//
// The course's numbers come from PyTorch in float32, so the layers compute in float32:
// results agree with a float64 computation to float32 precision (relative ~1e-6), which
// is what the course's own numbers carry. The public API stays float64 (Data and Grad
// are []float64), and the float32 work is inside the layers:
//
//   - Linear's three products — x·Wᵀ forward, gᵀ·x for the weight gradient, g·W for the
//     input's — are float32 GEMMs on nma/gemm (AVX2/FMA assembly kernels with a pure-Go
//     fallback; x·Wᵀ with one small side takes its dot-product kernel), over both cores.
//     A batch of 33–128 rows against large weights (ConvFC: 60 × 1152 → 23,589) is cut
//     into blocks of at most 32 rows, each a skinny product that streams the weights
//     without packing them.
//     Conv2d lays each image out as zero-padded float32 planes, builds its patch matrix
//     with one copy per filter tap on an Ho×(W+2P) grid, and multiplies it by the weights
//     with the same GEMM, the images split over the cores; its backward pass is two GEMMs
//     for dense output gradients, and visits only the non-zero ones when max pooling
//     left most of them zero: max pooling hands its gradient back with the positions of
//     its non-zero values, ReLU zeroes the few that it blocks in place, and the
//     convolution reads the list instead of scanning.
//   - A large tensor (at least 16,384 values: the W2D1 responses, the first layer's weights,
//     ConvFC's 27-million-weight layer) keeps its float32 copy between uses, so that a
//     full-batch training converts its data once, not once per step. The copy is shared
//     by the tensors that share Data (Detach, Reshape); Tensor.Set, LoadStateDict and
//     InitNormal mark it stale, and a few values are compared with Data at every use, so
//     that values replaced wholesale (copy into Data) are converted again. Code that
//     changes single values of a large tensor's Data directly, after the tensor went
//     through a layer, must use Set (or write a new tensor). Small tensors are converted
//     at every use, into the layer's reused working space.
//   - SGD updates a parameter that has a float32 copy as PyTorch updates a float32
//     parameter: one pass over both cores reads the gradient, the float32 weights and the
//     float32 momentum, and writes them and Data, which then holds the float32 weights
//     exactly. Small parameters are updated in float64.
//   - SGD.ZeroGrad sets the gradients to nil, as PyTorch's zero_grad does by default
//     (set_to_none), keeping the memory for the next Backward, which writes the first
//     gradient into it instead of clearing it and adding to it.
//   - Penalty's value comes from sums that the SGD step found while it wrote the float32
//     weights (or from the float32 copy). In a sum such as the regularised loss, Add
//     asks the layer that delivers the weights' gradient to add the penalty's gradient in
//     the same pass (the bits are those of two passes); otherwise Penalty adds it in
//     place. The sign is taken without a branch; ReLU's passes are branch-free as well.
//   - The passes over large parameters that are not memory-bound in Go — the fused
//     penalty gradient and the float32 SGD steps — are AVX2 assembly on amd64 (detected
//     at run time), with the Go loops as the fallback and the same roundings (no FMA), so
//     that both give the same bits (tested).
//   - Working space (patch matrices, float32 gradients, the weight-gradient buffer of a
//     layer) belongs to the layer and is reused from step to step; the outputs and
//     gradients that the API hands out are new float64 slices at every step, as before.
//
// A float64 reference implementation of Linear and Conv2d (gonum's BLAS and the original
// convolution loops) is kept for the finite-difference gradient tests, which need float64
// forward passes; other tests compare the fast path with it to float32 precision. Every
// test that checks the course's reference numbers runs on the fast path.
//
// The alternative — a float32 tensor type with the float64 API as a view — would have
// changed Data's type for every caller (exercises, solutions, notebooks read and write
// Data as []float64); keeping float64 at the API and float32 inside the layers gives the
// float32 speed where the work is (the products) without breaking any of them.
package nn
