// Package config reads and validates wirewatch's TOML configuration.
//
// Rules: a configuration is validated whole before it is used; every mistake is
// reported as "file:line:col: what is wrong", and all mistakes are reported at
// once, not just the first. The Discord token never comes from the file.
package config
