package content

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNameRunsAsBefore: runs, reading each distinct token once (nameTok),
// splits texts into the runs, and notes the lower-case words, that the
// reading before it did (runsBefore, kept here), on random texts of the
// words and marks its tests turn on and on every line of the real pages
// at hand.
func TestNameRunsAsBefore(t *testing.T) {
	var nr, old nameRunner
	lower, lowerOld := map[string]bool{}, map[string]bool{}
	known, folds := map[string]nameTok{}, map[string]string{}
	checked, inRuns := 0, 0
	check := func(text string) {
		got := nr.runs(text, lower, known)
		want := old.runsBefore(text, lowerOld, folds)
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: runs %v, before %v", text, got, want)
		}
		checked++
		inRuns += len(got)
	}
	pieces := []string{"Trung", "tâm", "Hành", "chính", "công", "và", "Và", "and", "of", "the", "The", "Of", "của", "Của", "tại",
		"tỉnh", "Tỉnh", "thành", "phố", "Thành", "Phố", "xã", "phường", "UBND", "HĐND", "A", "Ủy", "ban", "Nhân", "dân", "Đảng",
		"People's", "Committee", "province", "Ban", "Sở", "12", "3", "(", ")", ",", ".", ":", "-", "'", "\u0300", "\u0301a", "Ωmega",
		"ǅ", "ß", "İ", "ſ", "\xff", "\xe1\xbb", "٣", "_", "/"}
	seps := []string{" ", " ", " ", "  ", "\t", "\n", "", "\u00a0"}
	checkRandom(20, 200000, 25, pieces, seps, check)
	pages := realPageTexts()
	for _, text := range pages {
		for _, line := range strings.Split(text, "\n") {
			check(line)
		}
	}
	if !reflect.DeepEqual(lower, lowerOld) {
		t.Fatalf("lower-case words: %d, before %d", len(lower), len(lowerOld))
	}
	for w, nt := range known {
		if folds[w] != nt.fold {
			t.Fatalf("%q folds to %q, before %q", w, nt.fold, folds[w])
		}
	}
	if inRuns < checked/2 {
		t.Errorf("%d runs in %d texts: the test checks little", inRuns, checked)
	}
	t.Logf("%d texts (%d real pages), %d runs", checked, len(pages), inRuns)
}

// runsBefore is runs as it was before nameTok (session 20), kept to
// compare with.
func (nr *nameRunner) runsBefore(text string, lower map[string]bool, folds map[string]string) [][]nameWord {
	words, ends := nr.words[:0], nr.ends[:0]
	from := 0 // where the current run starts in words
	flush := func() {
		for len(words) > from && words[len(words)-1].and {
			words = words[:len(words)-1]
		}
		if len(words)-from >= minInitials {
			ends = append(ends, len(words))
			from = len(words)
			return
		}
		words = words[:from]
	}
	toks, starts := nameTokenStarts(text, nr.toks, nr.starts)
	nr.toks, nr.starts = toks, starts
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		upper := unicode.IsUpper(r)
		f, ok := folds[t]
		if !ok {
			f = Fold(t)
			folds[t] = f
			// Whether t is written in lower case is t's own: noted
			// the first time t is met (setting it at every word was
			// a seventh of runs' CPU).
			if !upper {
				lower[f] = true
			}
		}
		inRun := len(words) > from
		switch {
		case upper && isAllUpper(t) && utf8.RuneCountInString(t) > 1:
			flush()
		case !upper && inRun && (f == "va" || englishJoiners[f]) && i+1 < len(toks) && startsUpperWord(toks[i+1]):
			words = append(words, nameWord{text: t, at: starts[i], fold: f, and: true})
		case !inRun && !upper:
		case inRun && (functionWord(t) || englishFunctionWord[t] || placePrefixAt(toks, i)):
			flush()
			if upper {
				words = append(words, nameWord{text: t, at: starts[i], fold: f, initial: unicode.ToUpper(r), upper: true})
			}
		default:
			words = append(words, nameWord{text: t, at: starts[i], fold: f, initial: unicode.ToUpper(r), upper: upper})
		}
	}
	flush()
	out := nr.out[:0]
	prev := 0
	for _, e := range ends {
		out = append(out, words[prev:e:e])
		prev = e
	}
	nr.words, nr.ends, nr.out = words, ends, out
	return out
}
