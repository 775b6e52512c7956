// Package benchcmp is the harness of `make bench-compare` (command nma/cmd/benchcompare): it
// times the computations students wait for in Week 2 with the course's Python code and with
// nma-go, side by side on one machine, and prints a Markdown table with the speed-up.
//
// Python is the yardstick, not a dependency of the course: nothing in the course imports
// this package, and the Python side (NumPy, PyTorch CPU, SciPy — Debian's packages, seen
// through the project-local environment .nma/bench-venv) is installed only by
// `benchcompare --install`, which the Makefile target passes.
//
// # Design
//
//   - Workloads are the rows of issue 15's table (Workloads): the four W2D1 trainings at the
//     real data size (23589 neurons), the W2D3 simulations at the course's sizes, the W2D2
//     and W2D4 loops. Each has a Go side here (nma-go's public API: nma/vision, nma/nn,
//     nma/neuron, nma/linsys, nma/ratemodel) and a Python side in python/bench.py (embedded),
//     a compact reproduction of the course's algorithm with the course's parameters, each
//     function naming the course function it mirrors. The parameters (Workload.Full, Quick)
//     are defined once, here, and passed to both sides as JSON.
//   - Same work on both sides: the W2D1 networks train on the same inputs from the same
//     initial weights (PrepareData writes them as .npy files once; torch's initialisation
//     is replaced), and the simulations draw the same random numbers (nma/rng is NumPy's
//     legacy generator bit for bit). Each side reports check values — spike counts, losses,
//     variances — and the table says whether they agree within the workload's tolerance.
//   - Each measurement is its own process (the Go side is the harness's own binary with
//     --worker, the Python side `python3 bench.py NAME`); inputs are built before the timer
//     starts, and workloads shorter than a few milliseconds are called Params.Reps() times
//     after one untimed call. A worker reports wall time and CPU time per call.
//   - Compare runs round after round (default 5), every workload in every round, the two
//     sides back to back, the side that goes first flipping every round (Order); the table
//     shows medians with ± half the range.
//   - Threads are pinned to the same count on both sides: GOMAXPROCS, OMP_NUM_THREADS,
//     OPENBLAS_NUM_THREADS, MKL_NUM_THREADS (ThreadEnv) and torch.set_num_threads — OpenBLAS
//     ignores torch's setting unless its own variable is set. Every workload runs at the
//     first count of --threads (default 1,2), the parallel ones at each.
//   - --quick shrinks every workload (seconds instead of minutes); the package's tests run the
//     table, median and alternation logic with a fake runner, the Go side at the quick sizes
//     against the course's numbers, and — only where .nma/bench-venv exists — both sides at
//     the quick sizes, which must agree.
//
// Not in the table: the whole-notebook row, which needs the Python course's
// notebooks and their data (`nma run --cell-times` times ours).
package benchcmp
