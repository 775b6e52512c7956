package nn

import (
	"fmt"
	"slices"
	"sort"

	"github.com/nma-go/nma-go/nma/rng"
)

// Module is a layer or a network: something with a forward pass and trainable parameters
// (PyTorch's nn.Module). Calling Forward builds the gradient history, so a loss computed
// from its output can be back-propagated with Backward.
type Module interface {
	Forward(x *Tensor) *Tensor
	Parameters() []*Tensor
}

// NamedModule is a child module with its attribute name ('conv', 'fc', …).
type NamedModule struct {
	Name   string
	Module Module
}

// Container is a module made of named children (PyTorch's named_children), which is what
// forward hooks and GetHiddenActivity walk.
type Container interface {
	Module
	Children() []NamedModule
}

// HookFunc is called after a module's forward pass with its input and output
// (register_forward_hook).
type HookFunc func(m Module, input, output *Tensor)

// Hookable is a module that accepts forward hooks.
type Hookable interface {
	RegisterForwardHook(fn HookFunc) *HookHandle
}

// Hooks holds a module's forward hooks; layers embed it.
type Hooks struct {
	hooks map[int]HookFunc
	next  int
}

// HookHandle removes a registered hook.
type HookHandle struct{ remove func() }

// Remove unregisters the hook (handle.remove()).
func (h *HookHandle) Remove() {
	if h != nil && h.remove != nil {
		h.remove()
		h.remove = nil
	}
}

// RegisterForwardHook registers fn to be called after every forward pass of the module.
func (h *Hooks) RegisterForwardHook(fn HookFunc) *HookHandle {
	if h.hooks == nil {
		h.hooks = map[int]HookFunc{}
	}
	id := h.next
	h.next++
	h.hooks[id] = fn
	return &HookHandle{remove: func() { delete(h.hooks, id) }}
}

// runHooks calls the hooks in registration order.
func (h *Hooks) runHooks(m Module, in, out *Tensor) {
	if len(h.hooks) == 0 {
		return
	}
	ids := make([]int, 0, len(h.hooks))
	for id := range h.hooks {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		h.hooks[id](m, in, out)
	}
}

// Generator is a seeded source of random numbers for weight initialisation and shuffling
// (torch.manual_seed / torch.Generator). It draws with nma/rng (NumPy's MT19937), so a run
// is reproducible from its seed; PyTorch's own generator is not reproduced, so initial
// weights differ from the course's for the same seed.
type Generator struct{ rs *rng.RandomState }

// ManualSeed returns a generator seeded with seed (torch.manual_seed(seed)).
func ManualSeed(seed uint32) *Generator { return &Generator{rs: rng.New(seed)} }

func (g *Generator) check() *Generator {
	if g == nil {
		panic("nn: nil *Generator: create one with nn.ManualSeed(seed)")
	}
	return g
}

// Uniform returns n values uniform in [lo, hi).
func (g *Generator) Uniform(lo, hi float64, n int) []float64 {
	v, err := g.check().rs.Uniform(lo, hi, n)
	if err != nil {
		panic("nn.Generator.Uniform: " + err.Error())
	}
	return v
}

// Normal returns n values from a Gaussian with the given mean and standard deviation.
func (g *Generator) Normal(mean, std float64, n int) []float64 {
	v, err := g.check().rs.Normal(mean, std, n)
	if err != nil {
		panic("nn.Generator.Normal: " + err.Error())
	}
	return v
}

// Rand returns n values uniform in [0, 1) (torch.rand).
func (g *Generator) Rand(n int) []float64 { return g.Uniform(0, 1, n) }

// Randperm returns a random permutation of 0…n−1 (torch.randperm).
func (g *Generator) Randperm(n int) []int {
	p, err := g.check().rs.Permutation(n)
	if err != nil {
		panic("nn.Generator.Randperm: " + err.Error())
	}
	return p
}

// StateDict holds a module's parameter values in the order of Parameters(), with their
// shapes; it is what a trained model is saved as (gob-encodable, so that a disk cache such
// as vision.Cache can keep it across notebook cells).
type StateDict struct {
	Shapes [][]int
	Values [][]float64
}

// GetStateDict copies the parameters of m (model.state_dict()).
func GetStateDict(m Module) StateDict {
	var sd StateDict
	for _, p := range m.Parameters() {
		sd.Shapes = append(sd.Shapes, slices.Clone(p.Shape))
		sd.Values = append(sd.Values, slices.Clone(p.Data))
	}
	return sd
}

// LoadStateDict copies saved values into the parameters of m (model.load_state_dict); the
// module must have the same architecture.
func LoadStateDict(m Module, sd StateDict) error {
	ps := m.Parameters()
	if len(ps) != len(sd.Values) || len(sd.Shapes) != len(sd.Values) {
		return fmt.Errorf("nn.LoadStateDict: the module has %d parameters, the state dict %d", len(ps), len(sd.Values))
	}
	for i, p := range ps {
		if !slices.Equal(p.Shape, sd.Shapes[i]) || len(sd.Values[i]) != len(p.Data) {
			return fmt.Errorf("nn.LoadStateDict: parameter %d has shape %v, the state dict %v", i, p.Shape, sd.Shapes[i])
		}
		copy(p.Data, sd.Values[i])
		p.invalidate()
	}
	return nil
}

// CountParameters returns the number of trainable values of m.
func CountParameters(m Module) int {
	n := 0
	for _, p := range m.Parameters() {
		n += len(p.Data)
	}
	return n
}

// GetHiddenActivity runs the stimuli through net and returns, for each named child in
// layerLabels, its output flattened to (stimuli × units), like the course's
// get_hidden_activity with forward hooks. The hooks are removed afterwards.
func GetHiddenActivity(net Container, stimuli *Tensor, layerLabels []string) (map[string]*Tensor, error) {
	out := map[string]*Tensor{}
	var handles []*HookHandle
	defer func() {
		for _, h := range handles {
			h.Remove()
		}
	}()
	found := map[string]bool{}
	for _, c := range net.Children() {
		if !slices.Contains(layerLabels, c.Name) {
			continue
		}
		hk, ok := c.Module.(Hookable)
		if !ok {
			return nil, fmt.Errorf("nn.GetHiddenActivity: layer %q (%T) does not accept hooks", c.Name, c.Module)
		}
		name := c.Name
		found[name] = true
		handles = append(handles, hk.RegisterForwardHook(func(_ Module, _, o *Tensor) {
			b := 1
			if len(o.Shape) > 0 {
				b = o.Shape[0]
			}
			out[name] = FromData(slices.Clone(o.Data), b, len(o.Data)/max(b, 1))
		}))
	}
	for _, l := range layerLabels {
		if !found[l] {
			var names []string
			for _, c := range net.Children() {
				names = append(names, c.Name)
			}
			return nil, fmt.Errorf("nn.GetHiddenActivity: no layer %q; the network has %v", l, names)
		}
	}
	net.Forward(stimuli.Detach())
	return out, nil
}
