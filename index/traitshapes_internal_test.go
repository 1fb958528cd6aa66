package index

import (
	"math/rand"
	"strings"
	"testing"
)

// TestShapesAsExpressions: hasNumberShape, hasPhoneShape and
// hasDateShape answer as numberRe, phoneRe and dateRe's MatchString, on
// random strings of digits, separators, white space, the forms' words,
// ASCII and Vietnamese letters, underscores and invalid UTF-8, and on
// every rune below U+2100 beside a number and a date.
func TestShapesAsExpressions(t *testing.T) {
	check := func(s string) (number, phone, date bool) {
		number, phone, date = numberRe.MatchString(s), phoneRe.MatchString(s), dateRe.MatchString(s)
		if got := hasNumberShape(s); got != number {
			t.Fatalf("%q: hasNumberShape %v, numberRe %v", s, got, number)
		}
		if got := hasPhoneShape(s); got != phone {
			t.Fatalf("%q: hasPhoneShape %v, phoneRe %v", s, got, phone)
		}
		if got := hasDateShape(s); got != date {
			t.Fatalf("%q: hasDateShape %v, dateRe %v", s, got, date)
		}
		return
	}
	pieces := []string{"0", "1", "2", "9", "12", "2024", "20245", "024", "0239", "386", "5366", "/", ".", "-", " ", "  ", "\t", "\n", "\v", "\u00a0",
		"năm ", "năm", "Năm ", "tháng ", "tháng", "Tháng ", "Quý ", "quý ", "I", "V", "IV", "X", "May", "June", "December", "Mayor", "Julyx",
		"a", "Z", "_", "ă", "đ", "ngày", "\xff", "\xc4", ",", ":", "(", ")", "+84", "năm 2025", "tháng 12", "1/7/2025", "Quý III", "June 5"}
	rng := rand.New(rand.NewSource(9))
	var numbers, phones, dates int
	for i := 0; i < 400000; i++ {
		var b strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		n, p, d := check(b.String())
		if n {
			numbers++
		}
		if p {
			phones++
		}
		if d {
			dates++
		}
	}
	if numbers < 10000 || phones < 500 || dates < 5000 {
		t.Errorf("%d numbers, %d phones, %d dates of 400,000: the test checks little", numbers, phones, dates)
	}
	for r := rune(0); r < 0x2100; r++ {
		c := string(r)
		for _, s := range []string{c + "12/3/2024" + c, "năm" + c + "2024", "năm 2024" + c, c + "năm 2024", "tháng 7" + c, "Quý IV" + c, c + "Quý II",
			"May" + c + "5", "5" + c + "June", "15 June" + c, c + "0239 386 5366" + c, "0239" + c + "386" + c + "536", c + "15" + c} {
			check(s)
		}
	}
}
