//go:build race

package main

// raceBuild: under the race detector (ten times slower) the hostile batch
// leaves out its biggest cases, as with -short.
const raceBuild = true
