// Package storagetest is the conformance suite every storage.Store backend
// must pass, and the benchmark of the lookups slash commands make.
//
// Rules: a backend's tests call Run with a function that opens a fresh,
// empty, isolated store per call; Run closes each store it opens. The suite
// uses only the storage.Store interface, so a passing backend is a drop-in
// replacement for another. Corpus and BenchLookups let each backend's
// benchmark load the same generated archive and time the same lookups.
// Fixtures and the corpus vocabulary are written here, in the style of
// Korea-security news, never copied from real articles.
package storagetest
