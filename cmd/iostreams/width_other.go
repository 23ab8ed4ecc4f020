//go:build !unix

package iostreams

import "os"

func termWidth(*os.File) int { return 0 }
