package content

import "sync"

// IsSurname reports whether word is one of the common Vietnamese family
// names however it is typed: "Nguyễn", "nguyễn" and "nguyen" all are. The
// bot's redaction uses it to tell a name typed in lower case ("tôi là
// nguyễn văn …") from other words.
func IsSurname(word string) bool { return foldedSurnames()[Fold(word)] }

// foldedSurnames holds the surnames folded. Built on first use: Fold's
// tables are filled by an init function, after package variables.
var foldedSurnames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(surnames))
	for _, s := range surnames {
		m[Fold(s)] = true
	}
	return m
})
