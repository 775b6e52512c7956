package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/nma-go/nma-go/nma/data"
	"github.com/nma-go/nma-go/nma/progress"
)

const dataUsage = `nma data — the W2D1 Stringer et al. (2019) datasets

Usage:
  nma data download [--dir DIR] [--force] [--timeout D]
        fetch W3D4_stringer_oribinned1.npz and W3D4_stringer_oribinned6_split.npz from OSF,
        check their md5 and store them in DIR (default: $NMA_DATA_DIR, else the checkout's
        data/ folder, else the user cache folder); a failed or corrupted download leaves
        nothing behind. A progress bar on stderr when it is a terminal; a download that
        receives nothing for a minute gives up
  nma data verify [--dir DIR]
        check that the files in DIR are complete (md5)
  nma data info
        say which dataset the notebooks will use (real files or the synthetic stand-in),
        where it comes from, and its shapes
  nma data generate [--out DIR] [--neurons N] [--seed S]
        generate the synthetic stand-in that the loaders use when the real files are absent
        (at the real files' shapes: 23589 neurons) into DIR; by default into its cache
        folder, where the loaders otherwise generate it on first use
`

// cmdData manages the W2D1 datasets.
func cmdData(args []string) error {
	if len(args) == 0 {
		return usageError("data", "no data command given (want download, verify, info or generate)")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Print(dataUsage)
		return nil
	}
	sub, rest := args[0], args[1:]
	name := "data " + sub
	m := messages(name)
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() { fmt.Print(dataUsage) }
	switch sub {
	case "download":
		dir := fs.String("dir", "", "folder to store the files in")
		force := fs.Bool("force", false, "download even when a verified file is present")
		timeout := fs.Duration("timeout", 10*time.Minute, "give up after this long")
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
		d, err := dataDir(*dir)
		if err != nil {
			return failure(name, err)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		var failed []string
		for _, f := range data.Files {
			bar := progress.NewBytes(m.prefix() + f.Name)
			p, err := data.Download(ctx, f, d, data.DownloadOptions{Force: *force, Log: m.log(), Progress: bar.Update64})
			bar.Close()
			if err != nil {
				m.warn("%v", err)
				failed = append(failed, f.Name)
				continue
			}
			fmt.Println("saved", p)
		}
		if len(failed) > 0 {
			return failure(name, fmt.Errorf("could not download %s (the notebooks keep using the synthetic stand-in)", strings.Join(failed, ", ")))
		}
		return nil
	case "verify":
		dir := fs.String("dir", "", "folder holding the files")
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
		d, err := dataDir(*dir)
		if err != nil {
			return failure(name, err)
		}
		st, err := data.Verify(d, data.Files)
		if err != nil {
			return failure(name, err)
		}
		bad := false
		for _, s := range st {
			fmt.Println(s)
			bad = bad || !s.OK()
		}
		if bad {
			return failure(name, errors.New("some files are missing or corrupted: run `nma data download`"))
		}
		return nil
	case "info":
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
		fmt.Println("searched for the real files in:")
		for _, d := range data.SearchDirs() {
			fmt.Println("  ", d)
		}
		ds, err := data.LoadData(1)
		if err != nil {
			return failure(name, err)
		}
		fmt.Printf("%s: %v\n  %s; resp %v, stimuli %v\n", data.Ori1.Name, ds.Source, ds, ds.Resp.Shape, ds.Stimuli.Shape)
		sp, err := data.LoadDataSplit()
		if err != nil {
			return failure(name, err)
		}
		fmt.Printf("%s: %v\n  resp_train %v, resp_test %v, stimuli %v\n", data.Ori6Split.Name, sp.Source, sp.RespTrain.Shape, sp.RespTest.Shape, sp.Stimuli.Shape)
		return nil
	case "generate":
		out := fs.String("out", "", "folder to write the two .npz files and their manifest to (default: the cache folder the loaders read)")
		p := data.DefaultSynth()
		neurons := fs.Int("neurons", p.Neurons, "number of model neurons")
		seed := fs.Uint("seed", uint(p.Seed), "random seed")
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
		p.Neurons, p.Seed = *neurons, uint32(*seed)
		dir := *out
		if dir == "" {
			dir = data.SynthDir(p)
		}
		paths, took, err := data.WriteSynthetic(dir, p)
		if err != nil {
			return failure(name, err)
		}
		fmt.Printf("generated %d model neurons in %.2f s\n", p.Neurons, took.Seconds())
		for _, path := range paths {
			fmt.Println("wrote", path)
		}
		return nil
	}
	return usageError("data", "unknown data command %q (want download, verify, info or generate)", sub)
}

func dataDir(flagDir string) (string, error) {
	if flagDir != "" {
		return flagDir, nil
	}
	return data.DefaultDir()
}
