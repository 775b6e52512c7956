package data

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"codeberg.org/sbinet/npyio/npy"
	"codeberg.org/sbinet/npyio/npz"
)

// Array is one NumPy array read from an .npz file, converted to float64.
type Array struct {
	Shape []int
	Data  []float64 // row-major (C order), whatever the order on disk
}

// ReadNPZ reads every array of a NumPy .npz archive (np.savez or np.savez_compressed) with
// the npyio NumPy reader, converting any integer or floating dtype to float64. Keys are the
// array names without the ".npy" suffix, as np.load gives them.
func ReadNPZ(r io.ReaderAt, size int64) (map[string]Array, error) {
	zr, err := npz.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a NumPy .npz archive: %w", err)
	}
	out := map[string]Array{}
	for _, key := range zr.Keys() {
		var arr npy.Array
		if err := zr.Read(key, &arr); err != nil {
			return nil, fmt.Errorf("array %q: %w", key, err)
		}
		data, err := toFloat64(arr.Data())
		if err != nil {
			return nil, fmt.Errorf("array %q: %w", key, err)
		}
		shape := slices.Clone(arr.Shape())
		if len(data) != numel(shape) {
			return nil, fmt.Errorf("array %q: shape %v but %d values", key, shape, len(data))
		}
		if arr.Fortran() && len(shape) > 1 {
			data = fortranToC(data, shape)
		}
		name := key
		if len(name) > 4 && name[len(name)-4:] == ".npy" {
			name = name[:len(name)-4]
		}
		out[name] = Array{Shape: shape, Data: data}
	}
	return out, nil
}

// ReadNPZBytes is ReadNPZ on an in-memory archive.
func ReadNPZBytes(b []byte) (map[string]Array, error) {
	return ReadNPZ(bytes.NewReader(b), int64(len(b)))
}

func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func toFloat64(v any) ([]float64, error) {
	conv := func(n int, at func(i int) float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	switch d := v.(type) {
	case []float64:
		return d, nil
	case []float32:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []int64:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []int32:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []int16:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []int8:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []uint64:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []uint32:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []uint16:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case []uint8:
		return conv(len(d), func(i int) float64 { return float64(d[i]) }), nil
	case float64:
		return []float64{d}, nil
	case float32:
		return []float64{float64(d)}, nil
	case int64:
		return []float64{float64(d)}, nil
	}
	return nil, fmt.Errorf("unsupported element type %T (want integers or floats)", v)
}

// fortranToC reorders column-major data of the given shape into row-major order.
func fortranToC(data []float64, shape []int) []float64 {
	out := make([]float64, len(data))
	nd := len(shape)
	idx := make([]int, nd)
	for k := range data {
		// k is the Fortran position: the first index varies fastest.
		rem := k
		for d := 0; d < nd; d++ {
			idx[d] = rem % shape[d]
			rem /= shape[d]
		}
		c := 0
		for d := 0; d < nd; d++ {
			c = c*shape[d] + idx[d]
		}
		out[c] = data[k]
	}
	return out
}
