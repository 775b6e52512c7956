package benchcmp

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// The shared inputs of the W2D1 workloads travel between the harness, the Go worker and the
// Python worker as .npy files (NumPy's format 1.0: float32, little-endian, C order), which
// np.load reads without further code on the Python side.

const npyMagic = "\x93NUMPY"

// WriteNPY writes data, of the given shape, to path as a float32 .npy file.
func WriteNPY(path string, shape []int, data []float64) error {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return fmt.Errorf("benchcmp.WriteNPY %s: shape=%v has a negative dimension", path, shape)
		}
		n *= d
	}
	if n != len(data) {
		return fmt.Errorf("benchcmp.WriteNPY %s: shape=%v holds %d values, got %d", path, shape, n, len(data))
	}
	dims := make([]string, len(shape))
	for i, d := range shape {
		dims[i] = strconv.Itoa(d)
	}
	tuple := strings.Join(dims, ", ")
	if len(shape) == 1 {
		tuple += ","
	}
	header := fmt.Sprintf("{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }", tuple)
	// magic (6) + version (2) + header length (2) + header + '\n', padded to 64 bytes.
	total := 10 + len(header) + 1
	header += strings.Repeat(" ", (64-total%64)%64) + "\n"
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(npyMagic)
	w.Write([]byte{1, 0})
	binary.Write(w, binary.LittleEndian, uint16(len(header)))
	w.WriteString(header)
	var b [4]byte
	for _, v := range data {
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(float32(v)))
		w.Write(b[:])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("benchcmp.WriteNPY %s: %w", path, err)
	}
	return f.Close()
}

var (
	npyDescr = regexp.MustCompile(`'descr':\s*'([^']*)'`)
	npyOrder = regexp.MustCompile(`'fortran_order':\s*(True|False)`)
	npyShape = regexp.MustCompile(`'shape':\s*\(([^)]*)\)`)
)

// ReadNPY reads a float32 (little-endian, C order) .npy file as WriteNPY writes it and
// returns its shape and values.
func ReadNPY(path string) (shape []int, data []float64, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	shape, data, err = parseNPY(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("benchcmp.ReadNPY %s: %w", path, err)
	}
	return shape, data, nil
}

func parseNPY(raw []byte) ([]int, []float64, error) {
	if len(raw) < 10 || string(raw[:6]) != npyMagic {
		return nil, nil, errors.New("not an .npy file (no \\x93NUMPY magic)")
	}
	if raw[6] != 1 {
		return nil, nil, fmt.Errorf("format version %d.%d, want 1.0", raw[6], raw[7])
	}
	hlen := int(binary.LittleEndian.Uint16(raw[8:10]))
	if 10+hlen > len(raw) {
		return nil, nil, io.ErrUnexpectedEOF
	}
	header := string(raw[10 : 10+hlen])
	if m := npyDescr.FindStringSubmatch(header); m == nil || m[1] != "<f4" {
		return nil, nil, fmt.Errorf("header %q: want descr '<f4'", strings.TrimSpace(header))
	}
	if m := npyOrder.FindStringSubmatch(header); m == nil || m[1] != "False" {
		return nil, nil, fmt.Errorf("header %q: want C order", strings.TrimSpace(header))
	}
	m := npyShape.FindStringSubmatch(header)
	if m == nil {
		return nil, nil, fmt.Errorf("header %q: no shape", strings.TrimSpace(header))
	}
	var shape []int
	n := 1
	for _, f := range strings.Split(m[1], ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		d, err := strconv.Atoi(f)
		if err != nil || d < 0 {
			return nil, nil, fmt.Errorf("header %q: bad dimension %q", strings.TrimSpace(header), f)
		}
		shape = append(shape, d)
		n *= d
	}
	body := raw[10+hlen:]
	if len(body) != 4*n {
		return nil, nil, fmt.Errorf("shape %v needs %d bytes of data, the file has %d", shape, 4*n, len(body))
	}
	data := make([]float64, n)
	r := bytes.NewReader(body)
	var b [4]byte
	for i := range data {
		io.ReadFull(r, b[:])
		data[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(b[:])))
	}
	return shape, data, nil
}
