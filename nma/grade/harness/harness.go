// Package harness is the main of the programs that `nma grade` builds from a student's
// notebook. Such a program is package main with the student's declarations in one file and,
// in another, a generated main that calls Main with the student's exercise functions. A
// generated package imported by main calls Register with the day's exercise list, so the
// probes are copied before any student code (package-level variables, init) can run.
//
// The program only computes: Main runs the exercise's probe on the student's function and
// writes the transcript (the outputs on the check's inputs, or how the function ended) to
// OutputFD. It decides nothing. The grader — which never runs student code — compares the
// transcript with the solution's, which it computes itself (exercise.Compare). The programs
// are built with the build tag nmagrade, which leaves the reference solutions out of the
// exercise packages: nothing in the student's process is secret, and a line the student's
// code writes can at most claim outputs, exactly as a function returning them would.
//
// The grader starts the program with two extra file descriptors: ConfigFD, a pipe holding
// the Config as JSON (read and closed by this package's init, before any student code runs),
// and OutputFD for the transcript. init also applies the in-process part of the sandbox
// (resource limits, the syscall filter); the rest is set up around the process by the grader.
//
// Student code must not import this package (the grader rejects it).
package harness

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nma-go/nma-go/nma/exercise"
)

// File descriptors of the channel with the grader.
const (
	OutputFD = 3 // write end of the output pipe (the transcript)
	ConfigFD = 4 // read end of the configuration pipe
)

// Config is what the grader tells the program.
type Config struct {
	Exercise string        `json:"exercise"` // the exercise to probe, e.g. W2D4.T1.E1
	Timeout  time.Duration `json:"timeout"`  // how long the probe waits for the student's function
	Memory   uint64        `json:"memory"`   // address-space limit in bytes (RLIMIT_AS); 0: none
	CPU      uint64        `json:"cpu"`      // CPU-time limit in seconds (RLIMIT_CPU); 0: none
	FileSize uint64        `json:"filesize"` // largest file the program may write, in bytes; 0: none
	Procs    uint64        `json:"procs"`    // RLIMIT_NPROC (only set when the grader runs us as a dedicated user); 0: none
	Scratch  string        `json:"scratch"`  // the only directory the program may write to (Landlock)
	MaxStack int           `json:"maxstack"` // goroutine stack limit in bytes; 0: Go's default
	Trusted  bool          `json:"trusted"`  // --trusted-input: run even where the syscall filter cannot be applied (else exit 125 before student code)
}

// Output statuses written by Main.
const (
	StatusRecorded        = "recorded" // Transcript holds the probe's observations
	StatusWrongSignature  = "wrong signature"
	StatusUnknownExercise = "unknown exercise"
	StatusGraderError     = "grader error"
)

// StartedMark is the line Main writes when it starts.
const StartedMark = "started"

// Output is the line Main writes for the grader: the transcript, or why there is none. The
// grader trusts none of it beyond what a function's return values could claim.
type Output struct {
	Exercise   string               `json:"exercise"`
	Status     string               `json:"status"`
	Message    string               `json:"message,omitempty"`
	Transcript *exercise.Transcript `json:"transcript,omitempty"`
	Sandbox    string               `json:"sandbox"` // the protections in force, e.g. "rlimits(as=2GiB,cpu=30s) seccomp"
}

var (
	cfg     Config
	active  bool
	sandbox string
	output  *os.File

	mu       sync.Mutex
	sealed   bool
	registry = map[string]exercise.Exercise{}
)

func init() {
	f := os.NewFile(ConfigFD, "nma-grade-config")
	if f == nil {
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	f.Close()
	if err != nil || json.Unmarshal(data, &cfg) != nil || cfg.Exercise == "" {
		return
	}
	output = os.NewFile(OutputFD, "nma-grade-output")
	if cfg.MaxStack > 0 {
		debug.SetMaxStack(cfg.MaxStack)
	}
	sandbox = applySandbox(cfg)
	active = true
}

// Register records exercises (a copy: later changes to the caller's slice have no effect).
// The generated program calls it while its packages are initialised, before package main.
func Register(exs []exercise.Exercise) bool {
	mu.Lock()
	defer mu.Unlock()
	if sealed {
		return false
	}
	for _, e := range exs {
		if _, dup := registry[e.ID]; !dup {
			registry[e.ID] = e
		}
	}
	return true
}

// Main runs the configured exercise's probe on the student's functions, writes the
// transcript to the grader and exits. impls maps exercise IDs to the student's functions by
// name.
func Main(impls map[string]map[string]any) {
	mu.Lock()
	sealed = true
	mu.Unlock()
	if !active {
		fmt.Fprintln(os.Stderr, "this program is built and run by `nma grade`, which passes its configuration on file descriptor 4")
		os.Exit(2)
	}
	// Tell the grader that start-up (package initialisation, the student's package-level
	// variables included) is over: a program that ends or hangs before this line never
	// reached the probe.
	if _, err := output.Write([]byte(StartedMark + "\n")); err != nil {
		os.Exit(3)
	}
	o := probe(impls)
	o.Exercise, o.Sandbox = cfg.Exercise, sandbox
	line, err := json.Marshal(o)
	if err != nil {
		os.Exit(3)
	}
	if _, err := output.Write(append(line, '\n')); err != nil {
		os.Exit(3)
	}
	output.Close()
	os.Exit(0)
}

func probe(impls map[string]map[string]any) (o Output) {
	defer func() {
		if p := recover(); p != nil {
			o = Output{Status: StatusGraderError, Message: fmt.Sprintf("the probe itself panicked: %v", p)}
		}
	}()
	e, ok := registry[cfg.Exercise]
	if !ok || e.Probe == nil {
		return Output{Status: StatusUnknownExercise, Message: fmt.Sprintf("exercise %s is not registered (registered: %s)", cfg.Exercise, registeredIDs())}
	}
	impl, ok := impls[cfg.Exercise]
	if !ok {
		return Output{Status: StatusGraderError, Message: "the program has no function for " + cfg.Exercise}
	}
	arg, msg, err := Assemble(e, impl)
	if err != nil {
		return Output{Status: StatusGraderError, Message: err.Error()}
	}
	if msg != "" {
		return Output{Status: StatusWrongSignature, Message: msg}
	}
	tr := exercise.Record(e.Probe, arg, nil, cfg.Timeout)
	return Output{Status: StatusRecorded, Transcript: &tr}
}

// CheckedFuncs names the functions an exercise's check takes, in the order of its stub:
// the function the stub is (Stub: w2d4.FFunc(w2d4.F) → F), or the functions in the fields
// of a struct stub (Stub: NullclineFuncs{GetENullcline, GetINullcline}). A stub value
// that does not name one of e.Funcs stands for the e.Funcs entry at its position.
func CheckedFuncs(e exercise.Exercise) []string {
	v := reflect.ValueOf(e.Stub)
	switch v.Kind() {
	case reflect.Func:
		return []string{funcName(v, e.Funcs, 0)}
	case reflect.Struct:
		var out []string
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Kind() == reflect.Func {
				out = append(out, funcName(v.Field(i), e.Funcs, len(out)))
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return e.Funcs
}

// funcName is the name of the function v holds, if it is one of funcs; else funcs[pos].
func funcName(v reflect.Value, funcs []string, pos int) string {
	if !v.IsNil() {
		if f := runtime.FuncForPC(v.Pointer()); f != nil {
			name := f.Name()
			name = name[strings.LastIndex(name, ".")+1:]
			if slices.Contains(funcs, name) {
				return name
			}
		}
	}
	if pos < len(funcs) {
		return funcs[pos]
	}
	return ""
}

// Assemble builds the value the exercise's Check takes from the student's functions (by
// name): the function converted to the stub's type, or a struct like the stub's with each
// field set. msg says which function has the wrong type; err is a fault of the exercise's
// registration, not the student's.
func Assemble(e exercise.Exercise, impl map[string]any) (arg any, msg string, err error) {
	st := reflect.TypeOf(e.Stub)
	if st == nil {
		return nil, "", fmt.Errorf("exercise %s has no stub", e.ID)
	}
	names := CheckedFuncs(e)
	switch st.Kind() {
	case reflect.Func:
		v, m := convert(impl[names[0]], st)
		if m != "" {
			return nil, names[0] + " " + m, nil
		}
		return v.Interface(), "", nil
	case reflect.Struct:
		out := reflect.New(st).Elem()
		k := 0
		for i := 0; i < st.NumField(); i++ {
			if st.Field(i).Type.Kind() != reflect.Func {
				continue
			}
			name := names[k]
			k++
			if !out.Field(i).CanSet() {
				return nil, "", fmt.Errorf("exercise %s: field %s of the stub is not exported", e.ID, st.Field(i).Name)
			}
			v, m := convert(impl[name], st.Field(i).Type)
			if m != "" {
				return nil, name + " " + m, nil
			}
			out.Field(i).Set(v)
		}
		return out.Interface(), "", nil
	}
	return nil, "", fmt.Errorf("exercise %s: the stub is a %s, not a function or a struct of functions", e.ID, st.Kind())
}

// convert turns the student's function into a value of type want, or says why not.
func convert(impl any, want reflect.Type) (reflect.Value, string) {
	got := reflect.ValueOf(impl)
	if !got.IsValid() {
		return reflect.Value{}, "is missing"
	}
	if got.Type() == want {
		return got, ""
	}
	if got.Kind() == reflect.Func && want.Kind() == reflect.Func && got.Type().ConvertibleTo(want) {
		return got.Convert(want), ""
	}
	return reflect.Value{}, fmt.Sprintf("has %s, but the exercise needs %s", describe(got.Type()), describe(want))
}

// describe writes a function type without its name, e.g. func(float64, float64) float64.
func describe(t reflect.Type) string {
	if t.Kind() != reflect.Func {
		return "a value of type " + t.String()
	}
	in := make([]reflect.Type, t.NumIn())
	for i := range in {
		in[i] = t.In(i)
	}
	out := make([]reflect.Type, t.NumOut())
	for i := range out {
		out[i] = t.Out(i)
	}
	return "type " + reflect.FuncOf(in, out, t.IsVariadic()).String()
}

func registeredIDs() string {
	ids := make([]string, 0, len(registry))
	for id := range registry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}
