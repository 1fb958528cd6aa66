package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// StateFile is the sync state inside the content directory. Its name starts
// with a dot, so content.Load skips it.
const StateFile = ".sync-state.json"

// state is what a sync remembers between runs: every page saved, with the
// validators for a conditional GET and the hash of its article, and, while a
// run is under way, what that run has done, so that a run that was stopped
// resumes where it was.
type state struct {
	Version int                   `json:"version"`
	Pages   map[string]*pageState `json:"pages"` // by URL as discovered
	Run     *runState             `json:"run,omitempty"`
}

type pageState struct {
	File         string    `json:"file,omitempty"` // path in the content directory
	Source       string    `json:"source,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Hash         string    `json:"hash,omitempty"` // of the article as read, not of the page's bytes
	Checked      time.Time `json:"checked"`
}

// runState is a run in progress: the URLs it has dealt with and how.
type runState struct {
	Started time.Time          `json:"started"`
	Done    map[string]Outcome `json:"done"`
	Reasons map[string]string  `json:"reasons,omitempty"`
}

const stateVersion = 1

func loadState(dir string) (*state, error) {
	st := &state{Version: stateVersion, Pages: map[string]*pageState{}}
	data, err := os.ReadFile(filepath.Join(dir, StateFile))
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("portal: state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("portal: state %s: %w (delete it to start afresh)", StateFile, err)
	}
	if st.Pages == nil {
		st.Pages = map[string]*pageState{}
	}
	return st, nil
}

// save writes the state atomically: a stopped process leaves the old state
// or the new one, never half of one.
func (st *state) save(dir string) error {
	data, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return fmt.Errorf("portal: state: %w", err)
	}
	return writeAtomic(filepath.Join(dir, StateFile), data)
}

// writeAtomic writes a file through a hidden temporary file and a rename.
func writeAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("portal: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".sync-*.tmp")
	if err != nil {
		return fmt.Errorf("portal: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("portal: write %s: %w", p, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("portal: write %s: %w", p, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("portal: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("portal: %w", err)
	}
	return nil
}

// Pending says whether dir has never been synced, or its last sync stopped
// before its end: a sync is due at once.
func Pending(dir string) (bool, error) {
	st, err := loadState(dir)
	if err != nil {
		return false, err
	}
	_, statErr := os.Stat(filepath.Join(dir, StateFile))
	return errors.Is(statErr, fs.ErrNotExist) || st.Run != nil, nil
}
