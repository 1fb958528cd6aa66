package index

// LoadedIndex lets the external tests (package index_test) load synthetic
// pages the way the internal ones do, instead of keeping a copy of it.
var LoadedIndex = loadedIndex
