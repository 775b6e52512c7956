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
//   - float64 throughout (gonum's type); PyTorch's float32 gives slightly different numbers.
//   - Gradients are computed by closures recorded in the forward pass (reverse-mode
//     automatic differentiation over the operations the course uses). Every layer's
//     gradient is checked against finite differences in the tests.
//   - Matrix products use gonum's BLAS (parallel, assembly kernels); convolutions run over
//     zero-padded planes with gonum's assembly multiply-add, in parallel over the batch,
//     and skip the zero output gradients that max pooling leaves.
//   - Randomness comes from a Generator (ManualSeed): NumPy's MT19937 (nma/rng). Weights
//     are initialised as PyTorch does (uniform in ±1/√fan_in), but PyTorch's own generator
//     is not reproduced, so initial weights — and seeded results — differ from the course's.
//   - Shape mismatches in forward passes are programming errors and panic with a message
//     naming the shapes (as PyTorch raises, and as gonum's mat panics); configuration
//     errors (Train's options, data loading) are returned as errors.
package nn
