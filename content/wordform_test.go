package content

import (
	"strings"
	"testing"
)

func TestEnglishForm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Plurals.
		{"centres", "center"}, {"communes", "commune"}, {"villages", "village"}, {"wards", "ward"},
		{"cities", "city"}, {"authorities", "authority"}, {"branches", "branch"}, {"addresses", "address"},
		{"boxes", "box"}, {"hours", "hour"}, {"offices", "office"}, {"women", "woman"},
		{"chairmen", "chairman"}, {"chairwomen", "chairwoman"},
		// British and American spellings meet.
		{"centre", "center"}, {"center", "center"}, {"metres", "meter"}, {"organisation", "organization"},
		{"organised", "organized"}, {"labour", "labor"}, {"neighbours", "neighbor"}, {"programme", "program"},
		{"licence", "license"},
		// Left alone: singulars ending in s, short words, the hours and tours.
		{"address", "address"}, {"status", "status"}, {"basis", "basis"}, {"news", "news"}, {"this", "this"},
		{"hour", "hour"}, {"tour", "tour"}, {"headquarters", "headquarters"}, {"bus", "bus"},
		// Folded Vietnamese syllables and abbreviations never change.
		{"nguyen", "nguyen"}, {"truong", "truong"}, {"tre", "tre"}, {"thuy", "thuy"}, {"ubnd", "ubnd"},
		{"tthcc", "tthcc"}, {"nghieng", "nghieng"}, {"ths", "ths"},
		// A short form ending in S keeps it: no English word lacks a vowel.
		{"thcs", "thcs"}, {"dtts", "dtts"}, {"ptds", "ptds"}, {"dtncs", "dtncs"},
	} {
		if got := EnglishForm(tc.in); got != tc.want {
			t.Errorf("EnglishForm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCanBeSyllable(t *testing.T) {
	for _, w := range strings.Fields("thuong nguoi quyen nghe gia khuong xa phuong thon to dan pho ubnd can on the i a uy oanh") {
		want := w != "ubnd"
		if got := CanBeSyllable(w); got != want {
			t.Errorf("CanBeSyllable(%q) = %v, want %v", w, got, want)
		}
	}
	for _, w := range strings.Fields("what population ward commune morning submit residence saturday hotline email website is of how many village") {
		if CanBeSyllable(w) {
			t.Errorf("CanBeSyllable(%q) = true, want false", w)
		}
	}
}
