package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// envSecret reads a secret setting from the variable name, or from the file
// that name_FILE names: a Docker or Compose secret under /run/secrets, a
// systemd credential under $CREDENTIALS_DIRECTORY. A file keeps the secret
// out of the environment, which `docker inspect`, /proc/PID/environ and
// crash reports show. Setting both is an error; surrounding white space
// (the newline an editor or `openssl rand … >` leaves) is dropped. Errors
// name the file, never its content.
func envSecret(getenv func(string) string, name string) (string, error) {
	v := strings.TrimSpace(getenv(name))
	f := getenv(name + "_FILE")
	if f == "" {
		return v, nil
	}
	if v != "" {
		return "", fmt.Errorf("set %s or %s_FILE, not both", name, name)
	}
	b, err := os.ReadFile(f)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", fmt.Errorf("%s_FILE: cannot read %s: %w", name, f, err)
	}
	return strings.TrimSpace(string(b)), nil
}
