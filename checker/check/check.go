// Package check holds the check kinds of the rulebook, one file each:
// the kind's parameters (the YAML keys of its rules), their validation
// and its run over a document. A new kind is a new file here and one line
// in kinds below; rules reads its parameters through the registry
// (rules.RegisterKind) and checker runs it through Get.
package check

import (
	"shouhou/reports"
	"shouhou/rules"
)

// Kind is one check kind: rules.Kind's parameters and validation, and
// its run. The parameter struct's yaml tags also say how shouhou rules
// show writes the keys (omitempty, flow), in the struct's field order.
type Kind interface {
	rules.Kind
	// Name is the kind's name, the value of a rule's check: key.
	Name() string
	// Run returns the findings of rule r (of this kind) on document d.
	// Findings on clauses r may not judge come back without a status
	// (Doc.Finding) and are dropped by the audit.
	Run(d Doc, r *rules.Rule) []reports.Finding
}

// kinds is the registry, in the order messages list the kinds.
var kinds = []Kind{
	threshold{},
	forbid{},
	placeholder{},
	require{},
	profile{},
	ratio{},
	consistent{},
	notice{},
}

var byName = map[string]Kind{}

func init() {
	for _, k := range kinds {
		byName[k.Name()] = k
		rules.RegisterKind(k.Name(), k)
	}
}

// Get returns the kind of the given name, or nil.
func Get(name string) Kind { return byName[name] }

// Names lists the kinds' names in registration order.
func Names() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.Name()
	}
	return out
}
