package rsa

import "github.com/nma-go/nma-go/nma/nn"

// Embed reduces responses (stimuli × units) to two dimensions as the course does: PCA to
// min(20, units) components, then t-SNE with scikit-learn's defaults and random_state 0.
func Embed(resp *nn.Tensor) (*nn.Tensor, error) {
	if err := check2D("Embed", resp); err != nil {
		return nil, err
	}
	k := min(20, resp.Shape[1], resp.Shape[0])
	low, err := PCA(resp, k)
	if err != nil {
		return nil, err
	}
	return TSNE(low, DefaultTSNE())
}
