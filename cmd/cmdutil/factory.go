package cmdutil

import (
	"shouhou/checker/reader"
	"shouhou/cmd/config"
	"shouhou/cmd/iostreams"
	"shouhou/rules"
)

// Factory is what a command takes from outside itself: the streams, the
// rulebook, the settings file and the document reader. The root command
// makes the real one (NewFactory); a command's tests make their own with
// buffers for streams and stubs where they need a rulebook or a reader
// that fails on purpose, and run the command in-process.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Rulebook is the built-in rulebook with the user rulebooks of files
	// added (LoadBook).
	Rulebook func(files []string) (*rules.Book, error)
	// Config is the settings file named with --config, else the nearest
	// .shouhou.yaml, else nil (config.For).
	Config func(named string) (*config.Config, error)
	// ReadFile reads one document (reader.ReadFile).
	ReadFile func(path string, o reader.Options) (*reader.Source, error)
}

// NewFactory is the factory of a real run over ios.
func NewFactory(ios *iostreams.IOStreams) *Factory {
	return &Factory{IOStreams: ios, Rulebook: LoadBook, Config: config.For, ReadFile: reader.ReadFile}
}
